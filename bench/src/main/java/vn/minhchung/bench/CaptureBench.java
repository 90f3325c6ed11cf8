package vn.minhchung.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.CaptureRequest;
import vn.minhchung.harvester.capture.CaptureResult;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.capture.FixtureServer;
import vn.minhchung.harvester.capture.browser.BrowserLocator;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * Capture throughput and memory: N local pages captured (a) by the capture service (full evidence: element
 * shot + band, full page, DOM, WARC, JSON, DB row), (b) by a naive loop that launches a browser per page and
 * takes a full-page screenshot, (c) by {@code chromium --headless --screenshot} per page. Prints pages per
 * minute, the ratios, and peak memory of the JVM's child processes (drivers and browsers).
 *
 * <p>Run: {@code mvn -B -o -pl bench -am -q package -DskipTests} then
 * {@code java -cp "bench/target/classes:bench/target/lib/*" vn.minhchung.bench.CaptureBench [pages]
 * [naivePages] [concurrency]}.
 */
public final class CaptureBench {
  private CaptureBench() {}

  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int naivePages = args.length > 1 ? Integer.parseInt(args[1]) : pages;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Files.createTempDirectory("capture-bench");
    // The fixture server is on loopback, which captures refuse unless allowed.
    Settings settings = Settings.of(dir, Map.of("browser.concurrency", Integer.toString(concurrency),
        "http.allowHosts", "127.0.0.1"));
    Path exe = BrowserLocator.locate(settings, System.getenv());
    try (FixtureServer server = new FixtureServer()) {
      Figures a = service(server, settings, pages, concurrency);
      Figures b = naive(server, exe, naivePages);
      Figures c = cli(server, exe, dir, naivePages);
      out.printf(Locale.ROOT, "pages: service %d, naive %d, chromium --screenshot %d; concurrency %d; %s%n",
          pages, naivePages, naivePages, concurrency, exe);
      for (Figures f : List.of(a, b, c)) {
        out.printf(Locale.ROOT, "%-28s %7.1f pages/min  peak RSS %6.0f MiB (PSS %6.0f MiB), per concurrent capture"
            + " RSS %5.0f MiB / PSS %5.0f MiB  failed %d%n", f.name, f.perMinute(), f.peakRssMiB, f.peakPssMiB,
            f.peakRssMiB / f.concurrency, f.peakPssMiB / f.concurrency, f.failed);
      }
      out.printf(Locale.ROOT, "ratio service / naive Playwright: %.1fx%n", a.perMinute() / b.perMinute());
      out.printf(Locale.ROOT, "ratio service / chromium --screenshot: %.1fx%n", a.perMinute() / c.perMinute());
    }
  }

  record Figures(String name, int pages, double seconds, double peakRssMiB, double peakPssMiB, int concurrency,
      int failed) {
    double perMinute() {
      return pages * 60.0 / seconds;
    }
  }

  static Figures service(FixtureServer server, Settings settings, int pages, int concurrency) {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target);
        CaptureService service = CaptureService.start(settings, System.getenv(), db,
            new BlobStore(settings.dataDir().resolve("blobs")), Clock.systemUTC())) {
      // Warm-up: the first capture pays for class loading and the browser's first page.
      service.capture(CaptureRequest.of(server.url("/page/warm-up")));
      List<CaptureRequest> reqs = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        reqs.add(CaptureRequest.of(server.url("/page/a-" + i)));
      }
      try (MemorySampler mem = MemorySampler.start()) {
        long t0 = System.nanoTime();
        List<CaptureResult> results = service.captureAll(reqs);
        double s = (System.nanoTime() - t0) / 1e9;
        int failed = (int) results.stream().filter(r -> r.status() != CaptureStatus.OK).count();
        return new Figures("(a) capture service", pages, s, mem.peakRssMiB(), mem.peakPssMiB(), concurrency, failed);
      }
    } finally {
      TestDatabases.drop(target);
    }
  }

  static Figures naive(FixtureServer server, Path exe, int pages) {
    try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))); MemorySampler mem = MemorySampler.start()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < pages; i++) {
        try (Browser b = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(exe)
            .setHeadless(true).setArgs(BrowserLocator.FLAGS))) {
          Page p = b.newPage();
          p.navigate(server.url("/page/b-" + i).toString());
          p.screenshot(new Page.ScreenshotOptions().setFullPage(true));
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      return new Figures("(b) naive browser per page", pages, s, mem.peakRssMiB(), mem.peakPssMiB(), 1, 0);
    }
  }

  static Figures cli(FixtureServer server, Path exe, Path dir, int pages) throws IOException, InterruptedException {
    int failed = 0;
    try (MemorySampler mem = MemorySampler.start()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < pages; i++) {
        Path png = dir.resolve("cli-" + i + ".png");
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--window-size=1280,900",
            "--screenshot=" + png, "--user-data-dir=" + dir.resolve("cli-profile")));
        cmd.addAll(BrowserLocator.FLAGS);
        cmd.add(URI.create(server.url("/page/c-" + i).toString()).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || !Files.isRegularFile(png)) {
          p.destroyForcibly();
          failed++;
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      return new Figures("(c) chromium --screenshot", pages, s, mem.peakRssMiB(), mem.peakPssMiB(), 1, failed);
    }
  }
}
