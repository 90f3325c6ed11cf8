package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.demo.DemoClock;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.http.ValidatorStore;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.harvester.schedule.alert.AlertView;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.Manifest;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.VerificationReport;
import vn.minhchung.review.verify.ZipLimits;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * A banner watched over its ten-day period (seed 004: 01/10–10/10) on a local portal read by real Chromium, the
 * days driven by a controllable clock, the banner taken down on day 4: each day's capture shows the element in its
 * page context with the day in the band, day 4 is a "không thấy" capture of the page, the alert comes that day and
 * goes when the banner is back, no stale alert outside the period, and the dossier shows the period as one table
 * that {@code verify} checks.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class BannerSeriesBrowserTest {
  static final String CHANNEL = "TH-STTTT-BANNER";
  static final String SELECTOR = "img[alt*='Ngày Chuyển đổi số quốc gia']";
  static final String TEXT = "Ngày Chuyển đổi số quốc gia";
  static final LocalDate FROM = LocalDate.of(2026, 10, 1);
  static final LocalDate MISSING = LocalDate.of(2026, 10, 4);
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(Settings.ZONE).toInstant();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void tenDayWatchWithOneMissingDayMakesOneVerifiedSeries(DatabaseTarget target) throws Exception {
    AtomicBoolean bannerUp = new AtomicBoolean(true);
    HttpServer server = portal(bannerUp);
    String authority = "127.0.0.1:" + server.getAddress().getPort();
    DemoClock clock = new DemoClock(java.time.Clock.systemUTC());
    clock.travelTo(at(FROM.minusDays(10), 9));
    Settings settings = Settings.of(dir, Map.of("browser.concurrency", "1", "browser.captureTimeoutSeconds", "30",
        "http.allowHosts", authority, "http.perHostDelayMs", "0"));
    BlobStore blobs = new BlobStore(dir.resolve("blobs"));
    try (Database db = TestDatabases.open(target);
        LazyCaptureService captures = LazyCaptureService.of(settings, Map.of(), db, blobs, clock)) {
      long itemId = register(db, "http://" + authority + "/", clock.instant());
      HttpFetcher http = new HttpFetcher(settings, Sleeper.REAL, clock);
      PoliteFetcher polite = new PoliteFetcher(http, settings, Sleeper.REAL, clock, new ValidatorStore.InDatabase(db));
      HarvestRunService[] service = new HarvestRunService[1];
      CaptureRunListener capture = new CaptureRunListener(db, settings, clock, captures,
          (run, n) -> service[0].addCaptures(run, n));
      service[0] = new HarvestRunService(db, settings, clock, blobs, List.of(new PageWatchConnector(polite)),
          List.of(capture));
      AlertService alerts = new AlertService(db, settings, clock, java.util.Optional.empty());

      clock.travelTo(at(FROM.minusDays(1), 9));
      assertThat(service[0].harvest(CHANNEL, RunOptions.manual(true)).status()).isEqualTo(HarvestRun.Status.SKIPPED);
      alerts.check();
      assertThat(openKeys(alerts)).as("registered 10 days before the period, no run yet: not stale").isEmpty();

      for (int i = 0; i < 10; i++) {
        LocalDate day = FROM.plusDays(i);
        clock.travelTo(at(day, 8));
        bannerUp.set(!day.equals(MISSING));
        RunSummary run = service[0].harvest(CHANNEL, RunOptions.manual(true));
        assertThat(run.status()).as("day %s", day).isEqualTo(HarvestRun.Status.SUCCESS);
        assertThat(run.captures()).as("day %s", day).isEqualTo(1);
        approveAndLink(db, itemId, clock.instant());
        alerts.check();
        if (day.equals(MISSING)) {
          assertThat(openKeys(alerts)).containsExactly("banner_missing:" + CHANNEL);
          AlertView a = alerts.list(false).get(0);
          assertThat(a.title()).isEqualTo("Không thấy banner trên Cổng TTĐT Sở TT&TT Thanh Hóa ngày 04/10/2026");
          assertThat(a.message()).contains("vào ngày 04/10/2026").contains("đợt 01/10/2026–10/10/2026");
        } else {
          assertThat(openKeys(alerts)).as("day %s", day).isEmpty();
        }
      }

      List<Capture> shots = db.inTransaction(s -> s.createQuery("from Capture c order by c.capturedAt",
          Capture.class).getResultList());
      assertThat(shots).hasSize(10).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("ok"));
      JsonNode day3 = JSON.readTree(blobs.read(shots.get(2).getJsonSha()));
      assertThat(day3.path("watch").path("periodDay").asText()).isEqualTo("ngày thứ 3 trong 10");
      assertThat(day3.path("watch").path("found").asBoolean()).isTrue();
      assertThat(day3.path("elementSelector").asText()).isEqualTo(SELECTOR);
      assertThat(day3.path("capturedAt").asText()).isEqualTo("2026-10-03T08:00+07:00");
      BufferedImage shown = ImageIO.read(new ByteArrayInputStream(blobs.read(shots.get(2).getScreenshotSha())));
      BufferedImage page = ImageIO.read(new ByteArrayInputStream(blobs.read(shots.get(2).getFullpageSha())));
      // The banner (220 px) with 180 px of page above and below, across the viewport, under the band.
      assertThat(shown.getWidth()).isEqualTo(1280);
      assertThat(shown.getHeight()).isGreaterThan(220 + 2 * 180).isLessThan(page.getHeight() + 400);
      JsonNode day4 = JSON.readTree(blobs.read(shots.get(3).getJsonSha()));
      assertThat(day4.path("watch").path("found").asBoolean()).isFalse();
      assertThat(day4.path("watch").path("periodDay").asText()).isEqualTo("ngày thứ 4 trong 10");
      assertThat(day4.path("elementSelector").isNull()).isTrue();

      clock.travelTo(at(FROM.plusDays(19), 9));
      assertThat(service[0].harvest(CHANNEL, RunOptions.manual(true)).status()).isEqualTo(HarvestRun.Status.SKIPPED);
      alerts.check();
      assertThat(openKeys(alerts)).as("ten days after the period: no stale alert").isEmpty();

      Path zip = dir.resolve("ho-so.zip");
      try (OutputStream out = Files.newOutputStream(zip)) {
        new DossierExporter(db, blobs, clock, java.util.Optional.empty()).export(ExportRequest.plan("4754/STTTT"), out);
      }
      checkDossier(zip);
      VerificationReport ok = new DossierVerifier(ZipLimits.DEFAULT).verify(zip);
      assertThat(ok.problems()).isEmpty();

      Path forged = forge(zip, dir.resolve("ho-so-sua.zip"));
      VerificationReport bad = new DossierVerifier(ZipLimits.DEFAULT).verify(forged);
      assertThat(bad.problems()).extracting(VerificationReport.Problem::path)
          .containsExactly(DossierLayout.BANNER_SERIES + " (" + CHANNEL + ", 2026-10-04)");
      assertThat(bad.problems().get(0).message()).contains("the table says the banner was shown")
          .contains("says it was not found");
    } finally {
      server.stop(0);
      TestDatabases.drop(target);
    }
  }

  private static void checkDossier(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      JsonNode series = JSON.readTree(z.getInputStream(z.getEntry(DossierLayout.BANNER_SERIES)));
      assertThat(series).hasSize(1);
      JsonNode days = series.get(0).path("days");
      assertThat(days).hasSize(10);
      List<String> states = new ArrayList<>();
      days.forEach(d -> states.add(d.path("periodDay").asText() + ":" + d.path("state").asText()));
      assertThat(states).containsExactly("ngày thứ 1 trong 10:shown", "ngày thứ 2 trong 10:shown", "ngày thứ 3 trong 10:shown", "ngày thứ 4 trong 10:absent",
          "ngày thứ 5 trong 10:shown", "ngày thứ 6 trong 10:shown", "ngày thứ 7 trong 10:shown", "ngày thứ 8 trong 10:shown", "ngày thứ 9 trong 10:shown",
          "ngày thứ 10 trong 10:shown");
      days.forEach(d -> assertThat(z.getEntry(d.path("screenshot").asText())).isNotNull());

      String html = new String(z.getInputStream(z.getEntry(DossierLayout.INDEX)).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(html).contains("Theo dõi banner: Cổng TTĐT Sở TT&amp;TT Thanh Hóa – đợt 01/10/2026–10/10/2026")
          .contains("1 ngày không thấy banner.")
          .contains("<tr class=\"absent\"><td>04/10/2026</td><td>ngày thứ 4 trong 10</td><td><span class=\"miss\">KHÔNG THẤY</span>")
          .contains("<td>03/10/2026</td><td>ngày thứ 3 trong 10</td><td><span class=\"ok\">có hiển thị</span></td><td>03/10/2026 08:00</td>");

      try (XSSFWorkbook wb = new XSSFWorkbook(z.getInputStream(z.getEntry(DossierLayout.XLSX)))) {
        XSSFSheet sheet = wb.getSheet("Theo dõi banner");
        assertThat(sheet.getLastRowNum()).isEqualTo(10);
        DataFormatter f = new DataFormatter();
        Row r4 = sheet.getRow(4);
        assertThat(f.formatCellValue(r4.getCell(3))).isEqualTo("04/10/2026");
        assertThat(r4.getCell(3).getDateCellValue()).isNotNull();
        assertThat(f.formatCellValue(r4.getCell(4))).isEqualTo("ngày thứ 4 trong 10");
        assertThat(f.formatCellValue(r4.getCell(5))).isEqualTo("KHÔNG THẤY");
        assertThat(f.formatCellValue(r4.getCell(6))).isEqualTo("04/10/2026 08:00");
        assertThat(f.formatCellValue(sheet.getRow(3).getCell(5))).isEqualTo("có hiển thị");
        assertThat(sheet.getDrawingPatriarch().getShapes()).as("a thumbnail per day").hasSize(10);
      }

      String docx = docxText(z);
      assertThat(docx).contains("Theo dõi banner: Cổng TTĐT Sở TT&amp;TT Thanh Hóa – đợt 01/10/2026–10/10/2026")
          .contains("KHÔNG THẤY").contains("ngày thứ 10 trong 10");
    }
  }

  private static String docxText(ZipFile z) throws IOException {
    try (InputStream in = z.getInputStream(z.getEntry(DossierLayout.DOCX));
        java.util.zip.ZipInputStream docx = new java.util.zip.ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry e = docx.getNextEntry(); e != null; e = docx.getNextEntry()) {
        if (e.getName().equals("word/document.xml")) {
          return new String(docx.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no word/document.xml in the appendix");
  }

  /** A forger turns day 4 into "shown" and rewrites the manifest to match: verify still names the day. */
  private static Path forge(Path zip, Path out) throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> all = z.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        entries.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    String series = new String(entries.get(DossierLayout.BANNER_SERIES), StandardCharsets.UTF_8);
    int at = series.indexOf("\"day\" : \"2026-10-04\"");
    String tail = series.substring(at).replaceFirst("\"state\" : \"absent\"", "\"state\" : \"shown\"")
        .replaceFirst("\"shown\" : false", "\"shown\" : true");
    byte[] changed = (series.substring(0, at) + tail).getBytes(StandardCharsets.UTF_8);
    entries.put(DossierLayout.BANNER_SERIES, changed);
    StringBuilder manifest = new StringBuilder();
    for (String line : new String(entries.get(DossierLayout.MANIFEST), StandardCharsets.UTF_8).split("\n")) {
      manifest.append(line.endsWith("  " + DossierLayout.BANNER_SERIES)
          ? Manifest.line(BlobStore.sha256().digest(changed), DossierLayout.BANNER_SERIES) : line + "\n");
    }
    entries.put(DossierLayout.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
    try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zo.putNextEntry(new ZipEntry(e.getKey()));
        zo.write(e.getValue());
        zo.closeEntry();
      }
    }
    return out;
  }

  private static List<String> openKeys(AlertService alerts) {
    return alerts.list(false).stream().map(AlertView::key).toList();
  }

  private static long register(Database db, String url, Instant now) {
    return db.inTransaction(s -> {
      Unit u = new Unit("TH-STTTT", "Sở Thông tin và Truyền thông tỉnh Thanh Hóa", now);
      s.persist(u);
      Channel c = new Channel(CHANNEL, u, ChannelKind.WEB_PAGE, "Cổng TTĐT Sở TT&TT Thanh Hóa", url, now);
      c.setOptionsJson(JSON.createObjectNode().put("watchSelector", SELECTOR).put("watchText", TEXT)
          .put("watchFrom", "01/10/2026").put("watchTo", "10/10/2026").toString());
      s.persist(c);
      Plan p = new Plan("4754/STTTT", "Tuyên truyền hưởng ứng Ngày Chuyển đổi số quốc gia năm 2026", now);
      p.setIssuer("Sở Thông tin và Truyền thông tỉnh Thanh Hóa");
      s.persist(p);
      PlanItem item = new PlanItem(p, "1", "Đăng Banner hưởng ứng Ngày Chuyển đổi số quốc gia trên Trang thông tin "
          + "điện tử của cơ quan, đơn vị", now);
      item.setLead(u);
      p.getItems().add(item);
      s.persist(item);
      s.flush();
      return item.getId();
    });
  }

  /** Staff approve each day's evidence and confirm its link to the banner item. */
  private static void approveAndLink(Database db, long itemId, Instant now) {
    db.runInTransaction(s -> {
      for (Evidence e : s.createQuery("from Evidence e where e.status <> 'approved'", Evidence.class).getResultList()) {
        e.setStatus("approved");
        s.persist(new EvidenceLink(e, s.get(PlanItem.class, itemId), "manual", "confirmed", null, "test", now));
      }
    });
  }

  private static HttpServer portal(AtomicBoolean bannerUp) throws IOException {
    String page;
    try (InputStream in = BannerSeriesBrowserTest.class.getResourceAsStream(
        "/fixtures/capture/portal-banner-2026-10-03.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String withoutBanner = page.replaceAll("(?s)<!--BANNER-->.*<!--/BANNER-->", "");
    byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1100\" height=\"220\"><rect width=\"1100\" "
        + "height=\"220\" fill=\"#0b2e59\"/><text x=\"550\" y=\"125\" fill=\"#fff\" font-size=\"44\" "
        + "text-anchor=\"middle\" font-family=\"sans-serif\">NGÀY CHUYỂN ĐỔI SỐ QUỐC GIA 10/10</text></svg>")
        .getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/")) {
          send(ex, 200, "text/html; charset=utf-8",
              (bannerUp.get() ? page : withoutBanner).getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/images/banner-cds.svg")) {
          send(ex, 200, "image/svg+xml", svg);
        } else {
          send(ex, 404, "text/plain; charset=utf-8", "không có".getBytes(StandardCharsets.UTF_8));
        }
      }
    });
    server.start();
    return server;
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
