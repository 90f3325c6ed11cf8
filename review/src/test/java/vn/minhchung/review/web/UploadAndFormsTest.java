package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.review.progress.Progress;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;

/** Uploads (type by content, size, file names), the channel form's validation, relinking and search over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadAndFormsTest {
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  @TempDir static Path tmp;
  TestServer server;
  Browser reviewer;
  String ii2;

  @BeforeAll
  void start() {
    server = new TestServer(tmp);
    reviewer = Browser.loggedIn(server, "canbo");
    ii2 = server.fixture.items.get("II.2").getId().toString();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> upload(String name, byte[] content, String declared) {
    reviewer.get("/upload");
    return reviewer.upload(Map.of("item", ii2, "component", "3", "title", "Báo Bắc Ninh số 2145, trang 3, ngày 10/10/2026",
        "occurred", "2026-10-10"), name, content, declared);
  }

  @Test
  void scannedNewspaperPageBecomesConfirmedEvidenceAndCountsOnceApproved() {
    HttpResponse<String> r = upload("bao-bac-ninh-trang-3.pdf", PDF, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(303);
    long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/evidence/", ""));
    Evidence e = server.db.inTransaction(s -> s.find(Evidence.class, id));
    assertThat(e.getSource()).isEqualTo("uploaded");
    assertThat(e.getFileName()).isEqualTo("bao-bac-ninh-trang-3.pdf");
    assertThat(e.getMediaType()).isEqualTo("application/pdf");
    assertThat(server.blobs.read(e.getBlobSha())).isEqualTo(PDF);
    EvidenceLink link = server.db.inTransaction(s -> s.createSelectionQuery(
        "from EvidenceLink l join fetch l.planItem where l.evidence.id = :id", EvidenceLink.class).setParameter("id", id).getSingleResult());
    assertThat(link.getPlanItem().getCode()).isEqualTo("II.2");
    assertThat(link.getState()).isEqualTo("confirmed");
    assertThat(link.getMethod()).isEqualTo("manual");

    reviewer.get("/evidence/" + id);
    reviewer.post("/evidence/" + id + "/review", Map.of("decision", "approve"));
    var progress = server.db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY));
    assertThat(progress.items().get(1).missing()).doesNotContain("chưa có bản scan báo in");
    assertThat(reviewer.get("/").body()).contains("<strong>1/1</strong> Bản scan báo in");
  }

  @Test
  void pathTraversalInTheFileNameIsStripped() {
    HttpResponse<String> r = upload("../../../etc/cron.d/trang 3 báo in.pdf", PDF, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(303);
    long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replace("/evidence/", ""));
    assertThat(fileName(id)).isEqualTo("trang 3 báo in.pdf");
    HttpResponse<String> windows = upload("..\\..\\windows\\win.ini", PDF, "application/pdf");
    long id2 = Long.parseLong(windows.headers().firstValue("Location").orElseThrow().replace("/evidence/", ""));
    assertThat(fileName(id2)).isEqualTo("win.ini.pdf");
  }

  @Test
  void executableDisguisedAsPdfIsRefusedByContent() {
    byte[] exe = new byte[2048];
    exe[0] = 'M';
    exe[1] = 'Z';
    HttpResponse<String> r = upload("ke-hoach.pdf", exe, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body()).contains("Nội dung tệp “ke-hoach.pdf” không phải PDF, JPEG, PNG, DOCX, XLSX hoặc video MP4");
    HttpResponse<String> html = upload("anh.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png");
    assertThat(html.statusCode()).isEqualTo(415);
  }

  @Test
  void plainZipRenamedDocxIsRefusedButARealDocxIsAccepted() throws IOException {
    assertThat(upload("kich-ban.docx", zip("readme.txt", "xin chào"), "application/octet-stream").statusCode()).isEqualTo(415);
    byte[] docx = zip("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\""
        + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    HttpResponse<String> r = upload("kich-ban-phat-song.docx", docx, "application/octet-stream");
    assertThat(r.statusCode()).isEqualTo(303);
  }

  @Test
  void oversizedUploadIsRefused() {
    byte[] big = Arrays.copyOf(PDF, (int) TestServer.UPLOAD_MAX + 10);
    HttpResponse<String> r = upload("qua-lon.pdf", big, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("Tệp “qua-lon.pdf” quá lớn");
  }

  @Test
  void uploadFarAboveTheLimitIsRefusedBeforeItIsRead() {
    byte[] huge = Arrays.copyOf(PDF, (int) TestServer.UPLOAD_MAX + 3 * 1024 * 1024);
    HttpResponse<String> r = upload("rat-lon.pdf", huge, "application/pdf");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("Yêu cầu quá lớn");
  }

  @Test
  void uploadWithoutCsrfIsForbidden() {
    reviewer.get("/upload");
    String saved = reviewer.csrf;
    reviewer.csrf = "";
    try {
      HttpResponse<String> r = reviewer.upload(Map.of("item", ii2, "component", "3", "title", "x"), "a.pdf", PDF, "application/pdf");
      assertThat(r.statusCode()).isEqualTo(403);
    } finally {
      reviewer.csrf = saved;
    }
  }

  @Test
  void channelFormShowsVietnameseErrorsNextToEachField() {
    Browser admin = Browser.loggedIn(server, "quantri");
    admin.get("/channels/new");
    HttpResponse<String> r = admin.post("/channels", Map.of("code", "FB-TTBN", "unit", "KHONG-CO", "kind", "facebook_page",
        "name", "", "url", "https://www.youtube.com/@abc", "schedule", "mỗi sáng"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("Mã kênh FB-TTBN đã được dùng cho kênh khác.")
        .contains("Đơn vị KHONG-CO không có trong danh mục.")
        .contains("Nhập tên kênh như hiển thị trên nền tảng.")
        .contains("Fanpage Facebook phải có địa chỉ facebook.com")
        .contains("Lịch chạy không phải biểu thức cron Quartz hợp lệ");
    HttpResponse<String> ok = admin.post("/channels", Map.of("code", "ZALO-STP", "unit", "STP", "kind", "zalo_oa",
        "name", "Sở Tư pháp Bắc Ninh", "url", "https://zalo.me/sotuphapbacninh", "schedule", "0 30 6 * * ?"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(admin.get(ok.headers().firstValue("Location").orElseThrow()).body()).contains("Đã đăng ký kênh ZALO-STP.");
  }

  @Test
  void relinkConfirmsChosenItemsAndRejectsTheRest() {
    long id = server.id("clip4");
    String ii31 = server.fixture.items.get("II.3.1").getId().toString();
    reviewer.get("/evidence/" + id);
    HttpResponse<String> r = reviewer.post("/evidence/" + id + "/links", Map.of("item", ii31));
    assertThat(r.statusCode()).isEqualTo(303);
    var states = server.db.inTransaction(s -> s.createSelectionQuery(
        "select l.planItem.code || '=' || l.state from EvidenceLink l where l.evidence.id = :id order by l.planItem.code", String.class)
        .setParameter("id", id).getResultList());
    assertThat(states).containsExactly("II.2=rejected", "II.3.1=confirmed");
  }

  @Test
  void searchIgnoresDiacriticsCaseAndExpandsAbbreviations() {
    Browser viewer = Browser.loggedIn(server, "xem");
    assertThat(viewer.get("/evidence?q=chuyen+doi+so").body()).contains("Luật Chuyển đổi số số 148/2025/QH15");
    assertThat(viewer.get("/evidence?q=C%C4%90S&status=pending").body()).contains("Luật Chuyển đổi số số 148/2025/QH15");
    assertThat(viewer.get("/evidence?q=tien+du").body()).contains("Phóng sự: Chuyển đổi số ở xã Tiên Du")
        .doesNotContain("Bản tin ngắn");
    assertThat(viewer.get("/evidence?q=khong+co+tu+nay").body()).contains("Không có minh chứng nào khớp với bộ lọc.");
  }

  private String fileName(long id) {
    return server.db.inTransaction(s -> s.find(Evidence.class, id).getFileName());
  }

  private static byte[] zip(String entry, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }
}
