package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.review.export.DossierFiles;
import vn.minhchung.review.export.TestTsa;
import vn.minhchung.review.export.Timestamper;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.VerificationReport;
import vn.minhchung.review.verify.ZipLimits;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;

/** {@code POST /dossier} over real HTTP: who may download, CSRF, Vietnamese errors, the ZIP verifies, temp files go. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DossierDownloadTest {
  static final String PLAN = "110/KH-UBND";
  @TempDir static Path tmp;
  TestServer server;

  @BeforeAll
  void start() {
    server = new TestServer(tmp);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void viewerDownloadsAVerifiableDossierAndTheExportIsAudited() throws IOException {
    Browser viewer = Browser.loggedIn(server, "xem");
    assertThat(viewer.get("/").body()).contains("Tải hồ sơ minh chứng (.zip)").contains("action=\"/dossier#ho-so\"");

    HttpResponse<byte[]> r = viewer.postForBytes("/dossier", Map.of("plan", PLAN, "item", "", "unit", "", "from", "",
        "to", "", "token", "abc123def456"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ho-so-minh-chung-110-KH-UBND-20261103-1000.zip\""); // 10:00 in Hà Nội
    assertThat(r.headers().firstValue("Content-Length")).hasValue(Integer.toString(r.body().length));
    assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(DossierRoutes.DONE_COOKIE + "=abc123def456"));
    Path zip = Files.write(tmp.resolve("tai-ve.zip"), r.body());
    VerificationReport report = new DossierVerifier(ZipLimits.DEFAULT).verify(zip);
    assertThat(report.problems()).isEmpty();
    assertThat(report.timestamp()).isEmpty();
    assertThat(DossierFiles.read(zip)).containsKeys("index.html", "minh-chung.xlsx", "phu-luc-minh-chung.docx",
        "manifest-sha256.txt");
    assertThat(leftovers()).isEmpty();

    AuditEvent last = lastEvent();
    assertThat(last.getActor()).isEqualTo("xem");
    assertThat(last.getAction()).isEqualTo("dossier.export");
    assertThat(last.getEntityId()).isEqualTo(PLAN);
    assertThat(last.getAfterJson()).contains("\"item\":null").contains("\"allStatuses\":false").contains("\"manifestSha256\":\"")
        .contains("\"auditHead\":");
  }

  @Test
  void filtersOfTheFormReachTheDossierAndItsName() throws IOException {
    Browser reviewer = Browser.loggedIn(server, "canbo");
    HttpResponse<byte[]> r = reviewer.postForBytes("/dossier", Map.of("plan", PLAN, "item", "II.2", "unit", "",
        "from", "2026-10-01", "to", "03/11/2026", "allStatuses", "on"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"ho-so-minh-chung-110-KH-UBND-II.2-20261103-1000.zip\"");
    Path zip = Files.write(tmp.resolve("loc.zip"), r.body());
    assertThat(new DossierVerifier(ZipLimits.DEFAULT).verify(zip).problems()).isEmpty();
    String index = new String(DossierFiles.read(zip).get("index.html"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(index).contains("Mọi trạng thái (gồm minh chứng chờ duyệt), mục II.2, từ 01/10/2026 đến 03/11/2026");
    assertThat(lastEvent().getAfterJson()).contains("\"item\":\"II.2\"").contains("\"from\":\"2026-10-01\"")
        .contains("\"to\":\"2026-11-03\"").contains("\"allStatuses\":true");
  }

  @Test
  void postWithoutCsrfTokenIsRefused() {
    Browser viewer = Browser.loggedIn(server, "xem");
    long before = events();
    HttpResponse<String> r = viewer.postRaw("/dossier", Map.of("plan", PLAN));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("thiếu mã CSRF").doesNotStartWith("PK");
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void anonymousPostIsRefused() {
    Browser anonymous = new Browser(server);
    anonymous.get("/login");
    HttpResponse<String> r = anonymous.post("/dossier", Map.of("plan", PLAN));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void unknownPlanComesBackAsTheDashboardWithAVietnameseMessage() throws IOException {
    Browser viewer = Browser.loggedIn(server, "xem");
    long before = events();
    HttpResponse<String> r = viewer.post("/dossier", Map.of("plan", "999/KH-KHONG-CO", "from", "2026-10-01"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(r.body()).contains("Không có kế hoạch mã “999/KH-KHONG-CO”. Các kế hoạch đã đăng ký: 110/KH-UBND.")
        .contains("class=\"alert alert-error dossier-error\"")
        .contains("value=\"2026-10-01\"");
    assertThat(events()).isEqualTo(before);
    assertThat(leftovers()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "II.9|''|''|''|Kế hoạch 110/KH-UBND không có nhiệm vụ “II.9”; các nhiệm vụ: II.1, II.2, II.3.1.",
      "''|KHONG-CO|''|''|Không có đơn vị mã “KHONG-CO”.",
      "''|''|31/02/2026|''|“Từ ngày” không hợp lệ: “31/02/2026”; hãy nhập ngày theo dạng dd/MM/yyyy.",
      "''|''|2026-11-15|2026-10-01|Khoảng ngày không hợp lệ: “Từ ngày” (15/11/2026) sau “Đến ngày” (01/10/2026).",
  })
  void badChoicesAreNamedInVietnamese(String item, String unit, String from, String to, String message) {
    Browser viewer = Browser.loggedIn(server, "xem");
    HttpResponse<String> r = viewer.post("/dossier", Map.of("plan", PLAN, "item", item, "unit", unit, "from", from, "to", to));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(message);
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Browser viewer = Browser.loggedIn(server, "xem");
    HttpResponse<String> r = viewer.post("/dossier", Map.of("plan", PLAN, "item", "II.9", "unit", "KHONG-CO", "to", "hôm qua"));
    assertThat(r.body()).contains("không có nhiệm vụ “II.9”").contains("Không có đơn vị mã “KHONG-CO”")
        .contains("“Đến ngày” không hợp lệ: “hôm qua”");
  }

  @Test
  void dossierFromTheWebIsTimestampedLikeTheCommandLine(@TempDir Path dir) throws Exception {
    try (TestTsa tsa = new TestTsa(); TestServer stamped = new TestServer(dir, Optional.of(new Timestamper(tsa.url())))) {
      Browser viewer = Browser.loggedIn(stamped, "xem");
      assertThat(viewer.get("/").body()).contains("có dấu thời gian RFC 3161");
      HttpResponse<byte[]> r = viewer.postForBytes("/dossier", Map.of("plan", PLAN, "item", "II.2"));
      assertThat(r.statusCode()).isEqualTo(200);
      Path zip = Files.write(dir.resolve("co-dau.zip"), r.body());
      VerificationReport report = new DossierVerifier(ZipLimits.DEFAULT, TestTsa.trust()).verify(zip);
      assertThat(report.problems()).isEmpty();
      assertThat(report.timestamp()).hasValueSatisfying(s -> assertThat(s.authority()).isEqualTo(TestTsa.SUBJECT));
    }
  }

  @Test
  void unreachableTimeStampAuthorityIsExplainedAndLeavesNoFile(@TempDir Path dir) throws Exception {
    java.net.URI closed;
    try (TestTsa tsa = new TestTsa()) {
      closed = tsa.url();
    }
    try (TestServer stamped = new TestServer(dir, Optional.of(new Timestamper(closed)))) {
      Browser viewer = Browser.loggedIn(stamped, "xem");
      HttpResponse<String> r = viewer.post("/dossier", Map.of("plan", PLAN));
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).contains("máy chủ cấp dấu thời gian (tsa.url) không trả lời hoặc từ chối yêu cầu");
      try (Stream<Path> files = Files.list(stamped.dossierWorkDir)) {
        assertThat(files).isEmpty();
      }
      assertThat(stamped.db.inTransaction(AuditLog::all)).noneMatch(e -> e.getAction().equals("dossier.export"));
    }
  }

  /**
   * The files left in the work folder once the request has finished: the server deletes the temporary zip after
   * the last byte is sent, which the client may see first, so this waits up to 10 s for the folder to empty.
   */
  private List<Path> leftovers() throws IOException {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    List<Path> left = filesInWorkDir();
    while (!left.isEmpty() && System.nanoTime() < until) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = filesInWorkDir();
    }
    return left;
  }

  private List<Path> filesInWorkDir() throws IOException {
    if (!Files.exists(server.dossierWorkDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(server.dossierWorkDir)) {
      return files.toList();
    }
  }

  private long events() {
    return server.db.inTransaction(AuditLog::all).size();
  }

  private AuditEvent lastEvent() {
    List<AuditEvent> all = server.db.inTransaction(AuditLog::all);
    return all.get(all.size() - 1);
  }
}
