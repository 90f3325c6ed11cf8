package vn.minhchung.harvester.capture;

import com.microsoft.playwright.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.account.BrowserSessions;
import vn.minhchung.harvester.capture.band.HeaderBand;
import vn.minhchung.harvester.capture.browser.BrowserHungException;
import vn.minhchung.harvester.capture.browser.BrowserLocator;
import vn.minhchung.harvester.capture.browser.BrowserPool;
import vn.minhchung.harvester.capture.browser.CaptureLimits;
import vn.minhchung.harvester.capture.browser.PageCapturer;
import vn.minhchung.harvester.http.AddressPolicy;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.capture.browser.RawCapture;
import vn.minhchung.harvester.capture.browser.RenderedPage;
import vn.minhchung.harvester.capture.social.FacebookPageParser;
import vn.minhchung.harvester.capture.warc.HarToWarc;
import vn.minhchung.harvester.cli.Main;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;

/**
 * Evidence capture of pages: a browser pool ({@code browser.concurrency} workers, bounded queue), and per page
 * the element screenshot with its header band, the full page, the DOM, a WARC and {@code capture.json}, all
 * stored as blobs and recorded as one {@code capture} row. Thread-safe; close it to stop the browsers.
 */
public final class CaptureService implements AutoCloseable {
  public static final String TOOL_VERSION = Main.VERSION;

  private final BrowserPool pool;
  private final PageCapturer capturer;
  private final BlobStore blobs;
  private final CaptureRecorder recorder;
  private final HeaderBand band;
  private final BrowserSessions sessions;
  private final Path workRoot;
  private final Clock clock;
  private final PageGate gate;

  private CaptureService(BrowserPool pool, PageCapturer capturer, BlobStore blobs, CaptureRecorder recorder,
      HeaderBand band, BrowserSessions sessions, Path dataDir, Clock clock, PageGate gate) {
    this.gate = gate;
    this.pool = pool;
    this.capturer = capturer;
    this.blobs = blobs;
    this.recorder = recorder;
    this.band = band;
    this.sessions = sessions;
    this.workRoot = dataDir.resolve("tmp").resolve("capture");
    this.clock = clock;
  }

  /** Starts the browsers; throws {@code BrowserUnavailableException} (with the install command) if none runs. */
  public static CaptureService start(Settings settings, Map<String, String> env, Database db, BlobStore blobs,
      Clock clock) {
    return start(settings, env, db, blobs, clock, CaptureLimits.of(settings).hungAfter());
  }

  /** As {@link #start(Settings, Map, Database, BlobStore, Clock)} with the watchdog's deadline given (tests). */
  static CaptureService start(Settings settings, Map<String, String> env, Database db, BlobStore blobs, Clock clock,
      Duration hungAfter) {
    HeaderBand band = HeaderBand.load();
    Path exe = BrowserLocator.locate(settings, env);
    BrowserPool pool = new BrowserPool(exe, settings.integer("browser.concurrency"),
        settings.integer("browser.restartAfter"), settings.integer("browser.queueSize"), hungAfter);
    PageCapturer capturer = new PageCapturer(CaptureLimits.of(settings), clock, AddressPolicy.of(settings));
    BrowserSessions sessions = new BrowserSessions(db, memoized(() -> SecretBox.fromSettings(settings)), settings, clock);
    // A load retried once after a hang may take two watchdog periods; the lane never waits longer than that.
    PageGate gate = PageGate.of(settings, Sleeper.REAL, clock, () -> ThreadLocalRandom.current().nextDouble(),
        hungAfter.multipliedBy(2).plusMinutes(1));
    return new CaptureService(pool, capturer, blobs, new CaptureRecorder(db), band, sessions, settings.dataDir(), clock,
        gate);
  }

  /**
   * Queues one capture. Fails at once with {@code RejectedExecutionException} when the queue is full. A page of a
   * platform waits for its turn in the platform's {@link PageGate} lane first.
   */
  public CompletableFuture<CaptureResult> submit(CaptureRequest req) {
    return gate.through(req.url(), () -> pool.submit(new BrowserPool.Task<>() {
      @Override
      public CaptureResult run(Browser browser) {
        return captureWith(browser, req);
      }

      @Override
      public CaptureResult gaveUp(RuntimeException cause) {
        if (cause instanceof BrowserHungException) {
          return store(req, failure(req, CaptureStatus.TIMEOUT, "trình duyệt bị treo hai lần khi chụp trang (đã bị "
              + "dừng hẳn và chạy lại): " + cause.getMessage()));
        }
        return store(req, failure(req, CaptureStatus.ERROR, "trình duyệt bị sập hai lần khi chụp trang: "
            + cause.getMessage()));
      }
    }));
  }

  /** Captures one page now (waits for the result). */
  public CaptureResult capture(CaptureRequest req) {
    return join(submit(req));
  }

  /** Captures a batch in parallel; results in request order. A browser lost mid-batch loses no capture. */
  public List<CaptureResult> captureAll(List<CaptureRequest> reqs) {
    List<CompletableFuture<CaptureResult>> futures = new ArrayList<>();
    for (CaptureRequest r : reqs) {
      futures.add(submit(r));
    }
    return futures.stream().map(CaptureService::join).toList();
  }

  /**
   * Loads a page in a fresh context and returns its rendered HTML and verdict (for reading post lists). The saved
   * session of the page's platform, if any, is the context's login state; {@code channelCode} only names the
   * channel in logs.
   */
  public RenderedPage render(java.net.URI url, Optional<String> channelCode, boolean needsLogin) {
    return render(url, channelCode, needsLogin, Optional.empty());
  }

  /**
   * As {@link #render(java.net.URI, Optional, boolean)}, then scrolls the feed as {@code scroll} says (a timeline
   * read through the browser). The page takes its platform's {@link PageGate} lane.
   */
  public RenderedPage render(java.net.URI url, Optional<String> channelCode, boolean needsLogin,
      Optional<PageCapturer.Scroll> scroll) {
    return join(gate.through(url, () -> pool.submit(new BrowserPool.Task<>() {
      @Override
      public RenderedPage run(Browser browser) {
        return capturer.render(browser, url, sessions.storageStateFor(url), needsLogin, scroll);
      }

      @Override
      public RenderedPage gaveUp(RuntimeException cause) {
        throw cause;
      }
    })));
  }

  /** Whether the platform of this page has a saved browser session (its pages then load logged in). */
  public boolean hasSavedSession(java.net.URI url) {
    return sessions.storageStateFor(url).isPresent();
  }

  /**
   * Marks the saved session of the page's platform with what a harvest saw through it (a checkpoint, a login
   * wall): the accounts page then says it must be renewed.
   */
  public void reportSession(java.net.URI url, vn.minhchung.storage.credential.SavedSession.State state, String detail) {
    sessions.platformOf(url).ifPresent(p -> sessions.report(p, state, detail));
  }

  public String browserVersion() {
    return pool.browserVersion();
  }

  /** Main processes of the running browsers (memory figures, crash tests). */
  public List<ProcessHandle> browserProcesses() {
    return pool.browserProcesses();
  }

  public int browserRestarts() {
    return pool.restarts();
  }

  private CaptureResult captureWith(Browser browser, CaptureRequest req) {
    Path work = workDir();
    try {
      RawCapture raw = capturer.capture(browser, req, sessions.storageStateFor(req.url()), work);
      return store(req, raw);
    } finally {
      deleteTree(work);
    }
  }

  private CaptureResult store(CaptureRequest req, RawCapture raw) {
    ShownFacts facts = !req.expected().isEmpty() ? req.expected()
        : req.requirePostFields() && !raw.elementHtml().isEmpty() ? FacebookPageParser.facts(raw.elementHtml())
        : ShownFacts.NONE;
    CaptureStatus status;
    String detail;
    if (raw.verdict().isPresent()) {
      status = raw.verdict().get().status();
      detail = raw.verdict().get().detail();
    } else if (raw.elementPng().isEmpty()) {
      status = CaptureStatus.ERROR;
      detail = "không thấy phần tử cần chụp (" + req.selector().orElse("bài viết / nội dung chính") + ")";
    } else {
      List<String> missing = req.requirePostFields()
          ? VisibilityCheck.missing(facts, raw.elementText(), raw.capturedAt())
          : VisibilityCheck.missingKnown(facts, raw.elementText(), raw.capturedAt());
      status = missing.isEmpty() ? CaptureStatus.OK : CaptureStatus.MISSING_FIELDS;
      detail = missing.isEmpty() ? null : VisibilityCheck.detail(missing);
    }
    Optional<OffsetDateTime> postedAt = facts.postedAt()
        .or(() -> facts.postedAtText().flatMap(t -> VietnameseDates.parse(t, raw.capturedAt()))
            .map(VietnameseDates.ParsedDate::instant))
        .map(i -> i.atZone(Settings.ZONE).toOffsetDateTime());

    List<CaptureResult.StoredFile> files = new ArrayList<>();
    raw.elementPng().ifPresent(png -> files.add(put("screenshot.png",
        band.burn(png, BandText.title(req, raw), BandText.lines(req, raw, facts)), "image/png")));
    raw.fullPagePng().ifPresent(png -> files.add(put("fullpage.png", png, "image/png")));
    raw.html().ifPresent(html -> files.add(put("page.html",
        html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html; charset=utf-8")));
    raw.har().ifPresent(har -> files.add(put("capture.warc.gz", warc(har, req, raw), "application/warc")));
    Optional<CaptureManifest.FullPage> full = raw.fullPagePng().map(p ->
        new CaptureManifest.FullPage(raw.documentHeight(), raw.fullPageHeight()));
    byte[] json = CaptureManifest.build(req, raw.finalUrl(), raw.httpStatus(), raw.capturedAt(), status, detail,
        facts, postedAt, browserVersion(), TOOL_VERSION, raw.viewport(), raw.elementSelector(), full, files);
    List<CaptureResult.StoredFile> all = new ArrayList<>(files);
    all.add(put("capture.json", json, "application/json"));
    long id = recorder.record(new CaptureRecorder.Row(req, raw.finalUrl(), raw.capturedAt(), status, detail,
        facts, CaptureManifest.countsJson(facts), browserVersion(), TOOL_VERSION, raw.viewport(), all));
    return new CaptureResult(id, req.url().toString(), raw.finalUrl(), status, detail, facts, all);
  }

  private RawCapture failure(CaptureRequest req, CaptureStatus status, String detail) {
    return new RawCapture(clock.instant(), req.url().toString(), 0,
        Optional.of(new PageVerdict.Verdict(status, detail)), Optional.empty(), Optional.empty(), "",
        "", Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), "");
  }

  private byte[] warc(Path har, CaptureRequest req, RawCapture raw) {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("software", "minhchung-harvester/" + TOOL_VERSION + " (Playwright, " + browserVersion() + ")");
    info.put("isPartOf", req.channelCode().orElse("capture"));
    info.put("description-url", req.url().toString());
    try {
      return HarToWarc.convert(Files.readAllBytes(har), raw.capturedAt(), info);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot turn the recorded exchanges of " + req.url() + " into a WARC: "
          + e.getMessage(), e);
    }
  }

  private CaptureResult.StoredFile put(String name, byte[] bytes, String mediaType) {
    BlobRef ref = blobs.put(bytes, mediaType);
    return new CaptureResult.StoredFile(name, ref);
  }

  /** The key is opened on first use only: captures of pages without a saved session never need it. */
  private static java.util.function.Supplier<SecretBox> memoized(java.util.function.Supplier<SecretBox> open) {
    return new java.util.function.Supplier<>() {
      private SecretBox box;

      @Override
      public synchronized SecretBox get() {
        if (box == null) {
          box = open.get();
        }
        return box;
      }
    };
  }

  private Path workDir() {
    try {
      OwnerOnly.directory(workRoot);
      return Files.createTempDirectory(workRoot, TempFiles.prefix("c"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory under " + workRoot + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftover scratch files under DATA/tmp are harmless; the blobs are already stored.
    }
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  @Override
  public void close() {
    gate.close();
    pool.close();
  }
}
