package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.FixtureServer;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.blob.S3ProxyServer;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Two nodes with separate data folders sharing one database (PostgreSQL when {@code HARVESTER_TEST_DB_URL} is
 * set, else one in-memory H2 that both nodes of this JVM open) and one S3 bucket (S3Proxy): node A (a worker,
 * {@code serve --no-ui}) captures a page in Chromium; node B ({@code serve --no-scheduler}, a UI on its own port)
 * shows the screenshot and exports a dossier that verifies, though none of the files is on its disk.
 */
@Timeout(300)
class TwoNodeTest {
  private static final Pattern URL = Pattern.compile("\\(review web UI\\): (http://127\\.0\\.0\\.1:\\d+/)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  @TempDir Path tmp;
  private S3ProxyServer s3;
  private String pgSchema;
  private String dbUrl;

  @BeforeEach
  void sharedServices() throws Exception {
    s3 = S3ProxyServer.inMemory("minh-chung");
    String pg = System.getenv("HARVESTER_TEST_DB_URL");
    if (pg != null && !pg.isBlank()) {
      pgSchema = "t_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
      try (Connection c = DriverManager.getConnection(pg, pgUser(), null); Statement st = c.createStatement()) {
        st.execute("create schema " + pgSchema);
      }
      dbUrl = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
    } else {
      dbUrl = "jdbc:h2:mem:twonode" + UUID.randomUUID().toString().replace("-", "") + ";" + DatabaseTarget.H2_OPTIONS
          + ";DB_CLOSE_DELAY=-1";
    }
  }

  @AfterEach
  void stopServices() throws Exception {
    s3.close();
    if (pgSchema != null) {
      try (Connection c = DriverManager.getConnection(System.getenv("HARVESTER_TEST_DB_URL"), pgUser(), null);
          Statement st = c.createStatement()) {
        st.execute("drop schema " + pgSchema + " cascade");
      }
    }
  }

  private static String pgUser() {
    String u = System.getenv("HARVESTER_TEST_DB_USER");
    return u == null || u.isBlank() ? "postgres" : u;
  }

  private Map<String, String> env(String node, FixtureServer site) {
    Map<String, String> env = new HashMap<>();
    env.put("HARVESTER_DATABASE_URL", dbUrl);
    if (pgSchema != null) {
      env.put("HARVESTER_DATABASE_USER", pgUser());
    }
    env.put("HARVESTER_BLOBS_STORE", "s3");
    env.put("HARVESTER_BLOBS_S3_ENDPOINT", s3.endpoint().toString());
    env.put("HARVESTER_BLOBS_S3_BUCKET", s3.bucket());
    env.put("HARVESTER_BLOBS_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
    env.put("HARVESTER_BLOBS_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
    env.put("HARVESTER_BLOBS_S3_PREFIX", "bac-ninh/");
    env.put("HARVESTER_NODES_NAME", node);
    env.put("HARVESTER_EXPORT_PDF", "off");
    env.put("HARVESTER_HTTP_ALLOW_HOSTS", site.url("/").getAuthority());
    return env;
  }

  @Test
  void aCaptureMadeOnNodeAIsShownAndExportedByNodeB() throws Exception {
    Path dataA = tmp.resolve("node-a");
    Path dataB = tmp.resolve("node-b");
    Files.createDirectories(dataA);
    Files.createDirectories(dataB);
    CountDownLatch stop = new CountDownLatch(1);
    WebServing.stopSignal = stop;
    try (FixtureServer site = new FixtureServer()) {
      Map<String, String> envA = env("node-a", site);
      Map<String, String> envB = env("node-b", site);
      // Node A's registry and older evidence, its blobs written to the bucket.
      try (Database db = Database.open(Settings.of(dataA, Map.of("database.url", dbUrl,
          "database.user", pgSchema == null ? "" : pgUser())));
          BlobStore blobs = BlobStore.fromSettings(Settings.of(dataA, s3.settings("bac-ninh/")))) {
        new DossierFixture(db, blobs).build();
      }
      StringWriter outA = new StringWriter();
      StringWriter outB = new StringWriter();
      CompletableFuture<Integer> nodeA = serve(dataA, envA, outA, "--no-ui");
      CompletableFuture<Integer> nodeB = serve(dataB, envB, outB, "--no-scheduler", "--port", "0");
      awaitText(outA, "worker node");
      String base = awaitUrl(outB);

      // A captures a page in Chromium; its files go to the bucket.
      CliRun capture = CliRun.run(dataA, envA, Clock.systemUTC(), "capture",
          site.url("/page/bac-ninh-chuyen-doi-so").toString(), "--channel", "BBN-WEB");
      assertThat(capture.exitCode()).as(capture.out() + capture.err()).isZero();
      long captureId = Long.parseLong(capture.out().replaceAll("(?s)^capture (\\d+):.*", "$1"));
      long evidenceId;
      String screenshot;
      try (Database db = Database.open(Settings.of(dataA, Map.of("database.url", dbUrl,
          "database.user", pgSchema == null ? "" : pgUser())))) {
        // A reviewer approves it and links it to item II.2 (the review itself is tested elsewhere).
        Object[] made = db.inTransaction(s -> {
          Capture c = s.find(Capture.class, captureId);
          Channel ch = s.createSelectionQuery("from Channel c where c.code = 'BBN-WEB'", Channel.class).getSingleResult();
          PlanItem item = s.createSelectionQuery("from PlanItem i where i.code = 'II.2'", PlanItem.class).getSingleResult();
          Evidence e = new Evidence(1, "harvested", "Bắc Ninh chuyển đổi số: bài chụp trên máy A", DossierFixture.NOW);
          e.setUrl(c.getUrl());
          e.setOccurredAt(DossierFixture.NOW);
          e.setCapture(c);
          e.setChannel(ch);
          e.setUnit(ch.getUnit());
          s.persist(e);
          s.persist(new EvidenceLink(e, item, "manual", "confirmed", null, "thu.nguyen", DossierFixture.NOW));
          e.review("approved", null, "thu.nguyen", DossierFixture.NOW);
          return new Object[] {e.getId(), c.getScreenshotSha()};
        });
        evidenceId = (Long) made[0];
        screenshot = (String) made[1];
      }
      assertThat(screenshot).matches("[0-9a-f]{64}");

      // B's UI shows A's screenshot, read from the bucket.
      UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-rat-dai-2026\n".getBytes(StandardCharsets.UTF_8));
      try {
        assertThat(CliRun.run(dataB, envB, Clock.systemUTC(), "users", "add", "canbo", "--role", "admin").exitCode())
            .isZero();
      } finally {
        UsersCommand.stdin = System.in;
      }
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(10)).build();
      String csrf = csrf(get(http, base + "login").body());
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "login"))
          .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&username=canbo&password="
              + enc("Mat-khau-rat-dai-2026"))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(303);
      String page = get(http, base + "evidence/" + evidenceId).body();
      assertThat(page).contains("Bắc Ninh chuyển đổi số: bài chụp trên máy A").contains("/blobs/" + screenshot);
      HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + "blobs/" + screenshot))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(HexFormat.of().formatHex(BlobStore.sha256().digest(png.body()))).isEqualTo(screenshot);
      assertThat(get(http, base + "nodes").body()).contains("node-a").contains("Chỉ thu thập (--no-ui)")
          .contains("node-b").contains("Chỉ giao diện (--no-scheduler)").contains("Đang chạy");

      // B exports the dossier of item II.2 from the bucket; it verifies; B's own folder holds no blob.
      Path zip = tmp.resolve("ho-so-II.2.zip");
      CliRun export = CliRun.run(dataB, envB, Clock.systemUTC(), "export", "--plan", DossierFixture.PLAN, "--item",
          "II.2", "--out", zip.toString());
      assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
      CliRun verify = CliRun.run(null, "verify", zip.toString());
      assertThat(verify.exitCode()).as(verify.out()).isZero();
      assertThat(verify.out()).startsWith("Hồ sơ nguyên vẹn / Dossier intact");
      assertThat(vn.minhchung.review.export.DossierFiles.read(zip).keySet())
          .anySatisfy(p -> assertThat(p).endsWith(String.format(Locale.ROOT, "%04d-screenshot.png", evidenceId)));
      CliRun blobs = CliRun.run(dataB, envB, Clock.systemUTC(), "blobs", "verify");
      assertThat(blobs.exitCode()).as(blobs.out()).isZero();
      assertThat(dataB.resolve("blobs").resolve("sha256")).doesNotExist();
      assertThat(dataA.resolve("blobs").resolve("sha256")).doesNotExist();

      stop.countDown();
      assertThat(nodeA.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(nodeB.get(60, TimeUnit.SECONDS)).isZero();
    } finally {
      stop.countDown();
      WebServing.stopSignal = null;
    }
  }

  private static CompletableFuture<Integer> serve(Path data, Map<String, String> env, StringWriter out,
      String... flags) {
    String[] args = new String[3 + flags.length];
    args[0] = "--data";
    args[1] = data.toString();
    args[2] = "serve";
    System.arraycopy(flags, 0, args, 3, flags.length);
    return CompletableFuture.supplyAsync(() -> Main.run(args, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true), env, Clock.systemUTC()));
  }

  private static void awaitText(StringWriter out, String text) throws InterruptedException {
    for (int i = 0; i < 900 && !out.toString().contains(text); i++) {
      Thread.sleep(100);
    }
    assertThat(out.toString()).contains(text);
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    Matcher m = URL.matcher(out.toString());
    for (int i = 0; i < 900 && !m.find(); i++) {
      Thread.sleep(100);
      m = URL.matcher(out.toString());
    }
    return m.group(1);
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("CSRF field in %s", html).isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
