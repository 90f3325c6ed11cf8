package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** The capture service against real Chromium and local fixture pages; limits sized for a busy 2-core machine. */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class CaptureServiceBrowserTest {
  static final Instant NOW = Instant.parse("2026-11-20T03:15:42Z");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path data;
  static FixtureServer server;
  static DatabaseTarget target;
  static Database db;
  static BlobStore blobs;
  static CaptureService service;
  static long evidenceId;

  @BeforeAll
  static void start() {
    server = new FixtureServer();
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    evidenceId = db.inTransaction(s -> {
      Unit u = new Unit("HB-UBND", "UBND tỉnh Hòa Bình", NOW);
      s.persist(u);
      s.persist(new Channel("HB-FB", u, ChannelKind.FACEBOOK_PAGE, "Fanpage UBND tỉnh Hòa Bình",
          "https://www.facebook.com/ubndtinhhoabinh", NOW));
      Evidence e = new Evidence(2, "harvested", "Hội nghị triển khai Đề án 06", NOW);
      s.persist(e);
      s.flush();
      return e.getId();
    });
    blobs = new BlobStore(data.resolve("blobs"));
    // Only the fixture server's own port: other loopback ports count as internal.
    Settings settings = Settings.of(data, Map.of("browser.concurrency", "2", "browser.captureTimeoutSeconds", "10",
        "browser.restartAfter", "50", "http.allowHosts", server.url("/").getAuthority()));
    // A capture here takes seconds; 90 s before the watchdog steps in keeps a hung worker's retry in the tests' waits.
    service = CaptureService.start(settings, Map.of(), db, blobs, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() {
    service.close();
    db.close();
    TestDatabases.drop(target);
    server.close();
  }

  @Test
  void aPageCannotMakeTheBrowserLoadAnInternalAddress() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext("/", ex -> {
      hits.incrementAndGet();
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    internal.start();
    try {
      int port = internal.getAddress().getPort();
      CaptureResult page = service.capture(CaptureRequest.of(server.url("/hostile?to=" + port)));
      assertThat(page.status()).isNotEqualTo(CaptureStatus.TIMEOUT);
      assertThat(hits).as("image, frame, style, fetch and WebSocket to the internal port").hasValue(0);

      CaptureResult direct = service.capture(
          CaptureRequest.of(URI.create("http://127.0.0.1:" + port + "/internal/admin")));
      assertThat(direct.status()).isEqualTo(CaptureStatus.ERROR);
      assertThat(direct.detail()).contains("(loopback)").contains("http.allowHosts");
      assertThat(hits).hasValue(0);
    } finally {
      internal.stop(0);
    }
  }

  @Test
  void capturesFacebookPostWithBandHashesWarcAndEvidenceLink() throws IOException {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/fb/post")).withChannel("HB-FB")
        .linkedTo(null, null, evidenceId).asPost(ShownFacts.NONE));

    assertThat(r.status()).isEqualTo(CaptureStatus.OK);
    assertThat(r.facts().postedAtText()).contains("Hôm qua lúc 10:30");
    assertThat(r.facts().counts()).containsExactly(Map.entry("reactions", "1,2K"), Map.entry("comments", "345"),
        Map.entry("shares", "56"));
    assertThat(r.files()).extracting(CaptureResult.StoredFile::name)
        .containsExactly("screenshot.png", "fullpage.png", "page.html", "capture.warc.gz", "capture.json");

    JsonNode json = JSON.readTree(blobs.read(r.file("capture.json").orElseThrow().blob().sha256()));
    assertThat(json.path("capturedAt").asText()).isEqualTo("2026-11-20T10:15:42+07:00");
    assertThat(json.path("capturedAtShown").asText()).isEqualTo("20/11/2026 10:15");
    assertThat(json.path("postedAt").asText()).isEqualTo("2026-11-19T10:30+07:00");
    assertThat(json.path("channel").asText()).isEqualTo("HB-FB");
    assertThat(json.path("evidenceId").asLong()).isEqualTo(evidenceId);
    assertThat(json.path("counts").path("reactions").asText()).isEqualTo("1,2K");
    assertThat(json.path("browser").path("version").asText()).isNotBlank();
    assertThat(json.path("viewport").asText()).isEqualTo("1280x900");
    assertThat(json.path("files")).hasSize(4);
    for (JsonNode f : json.path("files")) {
      String sha = f.path("sha256").asText();
      assertThat(blobs.verify(sha, f.path("size").asLong())).isEmpty();
      assertThat(r.file(f.path("name").asText()).orElseThrow().blob().sha256()).isEqualTo(sha);
    }

    byte[] png = blobs.read(r.file("screenshot.png").orElseThrow().blob().sha256());
    Files.createDirectories(Path.of("target", "capture-shots"));
    Files.write(Path.of("target", "capture-shots", "facebook-post.png"), png);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isGreaterThanOrEqualTo(900);
    assertThat(img.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x0B2E59);
    int bandEnd = firstRowWithColor(img, 0xC8102E);
    assertThat(bandEnd).isBetween(150, 320);

    assertThat(warcResponse(r, server.url("/fb/post").toString())).contains("Đề án 06");

    db.runInTransaction(s -> {
      Capture c = s.find(Capture.class, r.captureId());
      assertThat(c.getStatus()).isEqualTo("ok");
      assertThat(c.getChannel().getCode()).isEqualTo("HB-FB");
      assertThat(c.getScreenshotSha()).isEqualTo(r.file("screenshot.png").orElseThrow().blob().sha256());
      assertThat(c.getJsonSha()).isEqualTo(r.file("capture.json").orElseThrow().blob().sha256());
      assertThat(c.getPostedAtText()).isEqualTo("Hôm qua lúc 10:30");
      assertThat(c.getCountsJson()).isEqualTo("{\"reactions\":\"1,2K\",\"comments\":\"345\",\"shares\":\"56\"}");
      assertThat(s.find(Evidence.class, evidenceId).getCapture().getId()).isEqualTo(r.captureId());
    });
  }

  @Test
  void countsNotShownInTheElementAreMissingFields() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/fb/post"))
        .asPost(ShownFacts.of("Hôm qua lúc 10:30", Map.of("reactions", "9,9K"))));

    assertThat(r.status()).isEqualTo(CaptureStatus.MISSING_FIELDS);
    assertThat(r.detail()).isEqualTo("thiếu ngày đăng / lượt tương tác (không thấy: cảm xúc \"9,9K\")");
    assertThat(r.file("screenshot.png")).isPresent();
  }

  @Test
  void toleratesOtherSeparatorsInExpectedCounts() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/fb/post"))
        .asPost(ShownFacts.of("Hôm qua lúc 10:30", Map.of("reactions", "1.2K", "comments", "345"))));

    assertThat(r.status()).isEqualTo(CaptureStatus.OK);
  }

  @Test
  void newsArticleIsCheckedAgainstTheDateAndViewsTheHarvestRead() throws IOException {
    Instant posted = Instant.parse("2026-11-15T02:15:00Z");
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/news/article"))
        .withFacts(ShownFacts.known(posted, "Chủ Nhật, 15/11/2026 09:15", Map.of("views", "1848"))));

    assertThat(r.status()).isEqualTo(CaptureStatus.OK);
    JsonNode json = JSON.readTree(blobs.read(r.file("capture.json").orElseThrow().blob().sha256()));
    assertThat(json.path("postedAt").asText()).isEqualTo("2026-11-15T09:15+07:00");
    assertThat(json.path("counts").path("views").asText()).isEqualTo("1848");
    Files.createDirectories(Path.of("target", "capture-shots"));
    Files.write(Path.of("target", "capture-shots", "news-article.png"),
        blobs.read(r.file("screenshot.png").orElseThrow().blob().sha256()));

    CaptureResult wrong = service.capture(CaptureRequest.of(server.url("/news/article"))
        .withFacts(ShownFacts.known(posted.minus(Duration.ofDays(3)), null, Map.of("views", "5200"))));
    assertThat(wrong.status()).isEqualTo(CaptureStatus.MISSING_FIELDS);
    assertThat(wrong.detail()).contains("ngày đăng 12/11/2026").contains("lượt xem \"5200\"");

    CaptureResult unknown = service.capture(CaptureRequest.of(server.url("/news/article")));
    assertThat(unknown.status()).as("nothing read, nothing asked").isEqualTo(CaptureStatus.OK);
  }

  @Test
  void dismissesCookieDialogBeforeTheShot() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/cookie")));

    assertThat(r.status()).isEqualTo(CaptureStatus.OK);
    assertThat(html(r)).doesNotContain("id=\"cookie-consent\"").contains("Hòa Bình đẩy mạnh cải cách hành chính");
  }

  @Test
  void scrollsToLoadLazyContent() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/lazy")));

    assertThat(r.status()).isEqualTo(CaptureStatus.OK);
    assertThat(html(r)).contains(FixtureServer.LAZY_TEXT);
  }

  @Test
  void loginPopupThatCannotBeClosedIsAWallNotEvidence() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/wall")).linkedTo(null, null, evidenceId));

    assertThat(r.status()).isEqualTo(CaptureStatus.LOGIN_WALL);
    assertThat(r.detail()).isEqualTo("hộp đăng nhập che nội dung và không đóng được");
    assertThat(r.file("screenshot.png")).isEmpty();
    assertThat(r.file("fullpage.png")).isPresent();
    db.runInTransaction(s -> assertThat(s.find(Evidence.class, evidenceId).getCapture())
        .satisfiesAnyOf(c -> assertThat(c).isNull(), c -> assertThat(c.getStatus()).isEqualTo("ok")));
  }

  @Test
  void redirectToLoginIsAWall() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/fb/redirect")));

    assertThat(r.status()).isEqualTo(CaptureStatus.LOGIN_WALL);
    assertThat(r.finalUrl()).endsWith("/login?next=%2Fubnd%2Fposts%2F123");
  }

  @Test
  void pageWithoutAccountControlsIsAWallWhenLoginIsNeeded() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/fb/post")).withNeedsLogin(true));

    assertThat(r.status()).isEqualTo(CaptureStatus.LOGIN_WALL);
    assertThat(r.detail()).startsWith("cần đăng nhập");
  }

  @Test
  void unavailableContentIsRecorded() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/unavailable")));

    assertThat(r.status()).isEqualTo(CaptureStatus.UNAVAILABLE);
    assertThat(r.detail()).isEqualTo("trang báo \"nội dung này hiện không khả dụng\"");
  }

  @Test
  void notFoundIsRecorded() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/missing")));

    assertThat(r.status()).isEqualTo(CaptureStatus.NOT_FOUND);
    assertThat(r.detail()).isEqualTo("máy chủ trả về HTTP 404");
  }

  @Test
  void pageThatNeverFinishesLoadingTimesOut() {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/never")));

    assertThat(r.status()).isEqualTo(CaptureStatus.TIMEOUT);
    assertThat(r.detail()).isEqualTo("trang không tải xong sau 10 giây");
    assertThat(html(r)).contains("Trang có ảnh không bao giờ tải xong");
  }

  @Test
  void veryTallPageIsClippedAndSaysSo() throws IOException {
    CaptureResult r = service.capture(CaptureRequest.of(server.url("/tall")));

    assertThat(r.status()).as(r.detail()).isEqualTo(CaptureStatus.OK);
    BufferedImage full = ImageIO.read(new ByteArrayInputStream(blobs.read(r.file("fullpage.png").orElseThrow()
        .blob().sha256())));
    assertThat(full.getHeight()).isEqualTo(30_000);
    JsonNode json = JSON.readTree(blobs.read(r.file("capture.json").orElseThrow().blob().sha256()));
    assertThat(json.path("fullPage").path("clipped").asBoolean()).isTrue();
    assertThat(json.path("fullPage").path("documentHeight").asInt()).isGreaterThan(31_000);
  }

  @Test
  void tabCrashIsRecordedAndTheNextCaptureWorks() throws Exception {
    CompletableFuture<CaptureResult> pending = service.submit(CaptureRequest.of(server.url("/busy")));
    // The renderer is killed once the tab is on the page (a fixed pause raced a loaded machine's slow start).
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (server.hits("/busy") == 0 && System.nanoTime() < until && !pending.isDone()) {
      Thread.sleep(50);
    }
    Thread.sleep(500);
    // The renderer of the hung tab dies, as it does when the kernel's OOM killer picks it. Renderers are the
    // zygote's children (their command lines are rewritten, so they are found by their place in the tree).
    service.browserProcesses().stream().flatMap(ProcessHandle::children).flatMap(ProcessHandle::children)
        .forEach(ProcessHandle::destroyForcibly);
    CaptureResult r = pending.get(300, TimeUnit.SECONDS);

    assertThat(r.status()).isEqualTo(CaptureStatus.ERROR);
    assertThat(r.detail()).contains("tab crash");
    assertThat(service.capture(CaptureRequest.of(server.url("/page/after-crash"))).status())
        .isEqualTo(CaptureStatus.OK);
  }

  @Test
  void killingTheBrowserMidBatchLosesNoCapture() throws Exception {
    List<CompletableFuture<CaptureResult>> batch = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      batch.add(service.submit(CaptureRequest.of(server.url("/page/kill-" + i))));
    }
    batch.get(0).get(300, TimeUnit.SECONDS);
    int restartsBefore = service.browserRestarts();
    service.browserProcesses().forEach(ProcessHandle::destroyForcibly);

    List<CaptureResult> results = new ArrayList<>();
    for (CompletableFuture<CaptureResult> f : batch) {
      results.add(f.get(300, TimeUnit.SECONDS));
    }

    assertThat(results).extracting(CaptureResult::status).containsOnly(CaptureStatus.OK);
    assertThat(results).extracting(CaptureResult::captureId).doesNotHaveDuplicates();
    assertThat(service.browserRestarts()).isGreaterThan(restartsBefore);
    assertThat(Files.exists(blobs.spoolDirectory()) ? Files.list(blobs.spoolDirectory()).count() : 0)
        .isZero();
  }

  private static String html(CaptureResult r) {
    return new String(blobs.read(r.file("page.html").orElseThrow().blob().sha256()), StandardCharsets.UTF_8);
  }

  private static String warcResponse(CaptureResult r, String url) throws IOException {
    try (WarcReader reader = new WarcReader(blobs.open(r.file("capture.warc.gz").orElseThrow().blob().sha256()))) {
      String body = null;
      boolean first = true;
      for (WarcRecord rec : reader) {
        assertThat(rec.version()).isEqualTo(MessageVersion.WARC_1_1);
        if (first) {
          assertThat(rec).isInstanceOf(Warcinfo.class);
          first = false;
        }
        if (rec instanceof WarcResponse resp && resp.target().equals(url)) {
          assertThat(resp.http().status()).isEqualTo(200);
          body = new String(resp.http().body().stream().readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      assertThat(body).as("response record for " + url).isNotNull();
      return body;
    }
  }

  private static int firstRowWithColor(BufferedImage img, int rgb) {
    for (int y = 0; y < img.getHeight(); y++) {
      if ((img.getRGB(5, y) & 0xFFFFFF) == rgb) {
        return y;
      }
    }
    return -1;
  }
}
