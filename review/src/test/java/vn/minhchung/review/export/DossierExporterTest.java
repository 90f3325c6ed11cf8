package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** The dossier's contents for the sample plan (H2; {@link DossierRoundTripTest} runs on every database). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierExporterTest {
  @TempDir static Path dir;
  private DatabaseTarget target;
  private Database db;
  private DossierFixture.Ids ids;
  private DossierExporter exporter;
  private BlobStore blobs;

  @BeforeAll
  void setUp() {
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    blobs = new BlobStore(dir.resolve("blobs"));
    ids = new DossierFixture(db, blobs).build();
    exporter = new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty());
  }

  @AfterAll
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  private Map<String, byte[]> export(ExportRequest r) throws Exception {
    return DossierFiles.read(DossierFiles.export(exporter, r, dir.resolve("hs.zip")));
  }

  @Test
  void dossierHoldsApprovedConfirmedEvidenceWithReadableSafeFileNames() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    String v = DossierLayout.number(ids.firstVideo());
    assertThat(zip).containsKeys("index.html", "minh-chung.xlsx", "phu-luc-minh-chung.docx", "manifest-sha256.txt",
        "audit/audit-events.jsonl", "audit/audit-chain.txt",
        "files/II.2/2-fanpage/" + v + "-screenshot.png", "files/II.2/2-fanpage/" + v + "-fullpage.png",
        "files/II.2/2-fanpage/" + v + "-page.html", "files/II.2/2-fanpage/" + v + "-capture.warc.gz",
        "files/II.2/2-fanpage/" + v + "-capture.json", "thumbs/II.2/" + v + ".png",
        "files/II.2/3-bao-in/" + DossierLayout.number(ids.pdfScan()) + "-tep-Bao-Bac-Ninh-so-4215-trang-3.pdf");
    assertThat(zip.keySet()).noneMatch(p -> p.contains(DossierLayout.number(ids.pending()) + "-")
        || p.contains(DossierLayout.number(ids.rejected()) + "-") || p.contains(DossierLayout.number(ids.suggestedOnly()) + "-"));
    assertThat(zip.keySet().stream().filter(p -> p.endsWith("-screenshot.png"))).hasSize(5);
  }

  @Test
  void manifestListsEveryFileButItselfWithItsSha256() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    Manifest.Parsed m = Manifest.parse(new String(zip.get("manifest-sha256.txt"), StandardCharsets.UTF_8));
    assertThat(m.problems()).isEmpty();
    assertThat(m.entries().keySet()).containsExactlyInAnyOrderElementsOf(
        zip.keySet().stream().filter(p -> !p.equals("manifest-sha256.txt")).toList());
    zip.forEach((path, bytes) -> {
      if (!path.equals("manifest-sha256.txt")) {
        assertThat(m.entries().get(path)).as(path).isEqualTo(HexFormat.of().formatHex(BlobStore.sha256().digest(bytes)));
      }
    });
  }

  @Test
  void xlsxHasOneRowPerEvidenceWithVietnameseHeadersAndCounts() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(zip.get("minh-chung.xlsx")))) {
      Sheet s = wb.getSheet("Minh chứng");
      DataFormatter f = new DataFormatter(java.util.Locale.ROOT);
      assertThat(cells(s.getRow(0), f)).startsWith("STT", "Mục kế hoạch", "Thành phần minh chứng", "Đơn vị", "Kênh",
          "Tiêu đề", "Ngày đăng (giờ Việt Nam)", "Lượt thích", "Bình luận", "Chia sẻ", "Lượt xem", "Đường dẫn",
          "Thời điểm chụp (giờ Việt Nam)", "SHA-256");
      assertThat(s.getLastRowNum()).isEqualTo(6);
      List<String> first = cells(s.getRow(1), f);
      assertThat(first.subList(0, 7)).containsExactly("1", "II.2", "1. Đường liên kết bài viết trên báo điện tử",
          "Báo và Phát thanh, Truyền hình Bắc Ninh", "Báo Bắc Ninh điện tử (Báo điện tử)",
          "Bắc Ninh đưa Luật Chuyển đổi số vào cuộc sống", "03/10/2026 08:30");
      List<String> video = cells(s.getRow(3), f);
      assertThat(video.get(5)).isEqualTo("Phóng sự: Chuyển đổi số ở xã Tam Đa – từ chính sách đến hành động");
      // Counts are numbers with a thousands format (Excel groups them as the reader's locale does: 1.234).
      assertThat(video.subList(6, 13)).containsExactly("05/10/2026 19:00", "1,234", "57", "79", "12,501",
          "https://www.facebook.com/truyenthongbacninh/videos/1022000001", "05/10/2026 21:00:00");
      assertThat(s.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(1234.0);
      assertThat(s.getRow(3).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(video.get(13)).matches("[0-9a-f]{64}");
      // Dates are date cells (sortable, filterable) in Vietnamese local time, not text.
      assertThat(s.getRow(3).getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
      assertThat(s.getRow(3).getCell(6).getLocalDateTimeCellValue()).isEqualTo("2026-10-05T19:00");
      assertThat(s.getRow(3).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
      assertThat(s.getRow(3).getCell(12).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm:ss");
      assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) s).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:Q7");
      Sheet c = wb.getSheet("Mức độ hoàn thành");
      assertThat(cells(c.getRow(0), f)).containsExactly("Mục", "Nội dung", "Thành phần minh chứng", "Chỉ tiêu", "Đã có",
          "Chờ duyệt", "Còn thiếu");
      assertThat(rowsOf(c, f)).contains(
          List.of("II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật",
              "2. Ảnh chụp màn hình bài đăng trên Fanpage/Zalo OA chính thống (có ngày đăng và lượt tương tác)",
              "7 Clip phóng sự 5–10 phút", "3", "1", "3/7 clip phóng sự 5–10 phút"),
          List.of("II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật",
              "1. Đường liên kết bài viết trên báo điện tử", "2 Bài viết trên báo điện tử", "2", "1", "Đạt"),
          List.of("II.3.1", "Tổ chức rà soát, đánh giá các chiến lược, chương trình, đề án về chuyển đổi số",
              "3. Bản scan trang báo in", "1 Bản scan báo in", "0", "0", "chưa có bản scan báo in"));
      assertThat(c.getLastRowNum()).isEqualTo(18);
      // Per unit: each item's lead with what it gave and what is missing from it.
      Sheet units = wb.getSheet("Theo đơn vị");
      assertThat(cells(units.getRow(0), f)).containsExactly("Mục", "Đơn vị", "Vai trò", "Hạn gửi", "Trạng thái",
          "Thành phần đã có", "Còn thiếu");
      assertThat(rowsOf(units, f)).anySatisfy(r -> assertThat(r).startsWith("II.2")
          .contains("chủ trì").doesNotContain("Chưa có"));
    }
  }

  @Test
  void docxIsTheAppendixInTimesNewRomanWithATablePerItemAndTheCompletenessTable() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(zip.get("phu-luc-minh-chung.docx")))) {
      XWPFParagraph heading = doc.getParagraphs().get(0);
      assertThat(heading.getText()).isEqualTo("PHỤ LỤC");
      assertThat(heading.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
      assertThat(heading.getRuns().get(0).isBold()).isTrue();
      assertThat(heading.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
      assertThat(doc.getParagraphs().get(2).getText())
          .isEqualTo("(Kèm theo báo cáo kết quả thực hiện Kế hoạch số 110/KH-UBND ngày 14/04/2026 của UBND tỉnh Bắc Ninh)");
      for (XWPFParagraph p : doc.getParagraphs()) {
        for (XWPFRun r : p.getRuns()) {
          assertThat(r.getFontFamily()).as(p.getText()).isEqualTo("Times New Roman");
        }
      }
      List<XWPFTable> tables = doc.getTables();
      assertThat(tables).as("the frame, a block per evidence, the completeness and unit tables, the signature")
          .hasSize(10);
      XWPFTable video = tables.stream().filter(t -> t.getText().contains("Phóng sự: Chuyển đổi số ở xã Tam Đa"))
          .findFirst().orElseThrow();
      assertThat(video.getRow(0).getCell(0).getText()).startsWith("Minh chứng số ");
      assertThat(video.getRows().stream().map(r -> r.getCell(0).getText()).toList())
          .contains("Thành phần", "Đường liên kết", "Ngày đăng", "Lượt tương tác", "Thời điểm chụp", "Tệp trong hồ sơ");
      assertThat(video.getText()).contains("05/10/2026 19:00").contains("1.234 lượt thích, 57 bình luận");
      XWPFRun cellRun = video.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
      assertThat(cellRun.getFontFamily()).isEqualTo("Times New Roman");
      assertThat(cellRun.getFontSizeAsDouble()).isEqualTo(13.0);
      var linkRow = video.getRows().stream().filter(r -> r.getCell(0).getText().equals("Đường liên kết")).findFirst().orElseThrow();
      var hyperlink = (org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun) linkRow.getCell(1).getParagraphs().get(0).getRuns().get(0);
      assertThat(hyperlink.getHyperlink(doc).getURL()).isEqualTo("https://www.facebook.com/truyenthongbacninh/videos/1022000001");
      assertThat(doc.getAllPictures()).hasSize(5);
      // Every proof is placed at least 15 cm wide (EMU: 360,000 per cm), read from the document XML.
      String xml = new String(readPart(zip.get("phu-luc-minh-chung.docx"), "word/document.xml"), StandardCharsets.UTF_8);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<wp:extent cx=\"(\\d+)\" cy=\"(\\d+)\"/>").matcher(xml);
      int pictures = 0;
      while (m.find()) {
        pictures++;
        assertThat(Long.parseLong(m.group(1))).as("picture width in EMU").isBetween(15L * 360_000, 16L * 360_000 + 1000);
        assertThat(Long.parseLong(m.group(2))).as("picture height fits the page").isLessThan(22L * 360_000);
      }
      assertThat(pictures).isEqualTo(5);
      assertThat(tables.stream().filter(t -> t.getText().contains("Luật Chuyển đổi số và dịch vụ công trực tuyến toàn trình"))
          .findFirst().orElseThrow().getText()).contains("Lưu ý").contains("thời lượng ngoài khoảng");
      XWPFTable completeness = tables.get(tables.size() - 3);
      assertThat(tables.get(tables.size() - 2).getRow(0).getCell(1).getText()).isEqualTo("Đơn vị");
      assertThat(completeness.getNumberOfRows()).isEqualTo(19);
      assertThat(completeness.getText()).contains("3/7 clip phóng sự 5–10 phút").contains("chưa có bản scan báo in")
          .contains("1/2 bản scan trang báo in").contains("0/5 infographic 2D");
    }
  }

  @Test
  void docxHasTheFrameOfAnAdministrativeDocumentFilledFromTheSettings() throws Exception {
    Settings settings = Settings.of(dir, Map.of("export.form.parentAgency", "UBND tỉnh Bắc Ninh",
        "export.form.agency", "Sở Khoa học và Công nghệ", "export.form.abbreviation", "SKHCN",
        "export.form.place", "Bắc Ninh", "export.form.signerTitle", "KT. Giám đốc | Phó Giám đốc",
        "export.form.signerName", "Nguyễn Gia Phong", "export.form.recipients", "UBND tỉnh (b/c); Lãnh đạo Sở"));
    Map<String, byte[]> zip = DossierFiles.read(DossierFiles.export(exporter.withForm(DocumentForm.of(settings)),
        ExportRequest.plan(DossierFixture.PLAN), dir.resolve("hs-form.zip")));
    byte[] docx = zip.get("phu-luc-minh-chung.docx");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      XWPFTable frame = doc.getTables().get(0);
      assertThat(frame.getRow(0).getCell(0).getText()).contains("UBND TỈNH BẮC NINH").contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
          .contains("Số:").contains("/BC-SKHCN");
      assertThat(frame.getRow(0).getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
          .contains("Độc lập - Tự do - Hạnh phúc").contains("Bắc Ninh, ngày").contains("năm 2026");
      XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
      assertThat(closing.getRow(0).getCell(0).getParagraphs().stream().map(XWPFParagraph::getText).toList())
          .containsExactly("Nơi nhận:", "- UBND tỉnh (b/c);", "- Lãnh đạo Sở;", "- Lưu: VT.");
      assertThat(closing.getRow(0).getCell(1).getText()).contains("KT. GIÁM ĐỐC").contains("PHÓ GIÁM ĐỐC")
          .contains("Nguyễn Gia Phong");
      // Page numbers from page 2 in a header that names the plan; no number on the first page (titlePg).
      assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
    }
    String header = new String(readPart(docx, "word/header1.xml"), StandardCharsets.UTF_8);
    assertThat(header).contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
        .contains("Phụ lục minh chứng – Kế hoạch số " + DossierFixture.PLAN);
  }

  @Test
  void docxFrameWithoutSettingsLeavesBlanksToFillIn() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(zip.get("phu-luc-minh-chung.docx")))) {
      String frame = doc.getTables().get(0).getText();
      assertThat(frame).contains("……………").contains("/BC-……………").contains("……………, ngày");
      String closing = doc.getTables().get(doc.getTables().size() - 1).getText();
      assertThat(closing).contains("Nơi nhận:").contains("- Lưu: VT.").contains("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ")
          .contains("(Chữ ký, dấu)");
    }
  }

  static byte[] readPart(byte[] zipBytes, String name) throws java.io.IOException {
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError(name + " is not in the package");
  }

  @Test
  void indexHtmlIsOfflineGroupedAndShowsTheCompleteness() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN));
    String html = new String(zip.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<html lang=\"vi\">", "HỒ SƠ MINH CHỨNG", "Kế hoạch số 110/KH-UBND ngày 14/04/2026",
        "II.2. Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", "Hạn báo cáo: 15/11/2026",
        "3/7 clip phóng sự 5–10 phút", "chưa có bản scan báo in", "Chỉ minh chứng đã duyệt · 6 minh chứng",
        "src=\"thumbs/II.2/" + DossierLayout.number(ids.firstVideo()) + ".png\"", "1.234 lượt thích, 57 bình luận, 79 chia sẻ, 12.501 lượt xem");
    assertThat(html).doesNotContain("<script", "src=\"http", "href=\"/", "url(");
    assertThat(html).as("the specification flag of the third clip").contains("<dt>Lưu ý</dt><dd>thời lượng ngoài khoảng</dd>");
    assertThat(html.split("<dt>Lưu ý</dt>", -1)).hasSize(2);
    assertThat(html.indexOf("<h3>1. Đường liên kết")).isLessThan(html.indexOf("<h3>2. Ảnh chụp màn hình"));
  }

  @Test
  void allStatusesAddsPendingButNeverRejectedEvidence() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN).withAllStatuses());
    String html = new String(zip.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("Thanh niên tình nguyện hướng dẫn kỹ năng số", "Chờ duyệt", "Ngày Chuyển đổi số tỉnh năm 2026")
        .doesNotContain("Khai mạc giải bóng đá");
  }

  @Test
  void filtersByUnitAndDateRange() throws Exception {
    Map<String, byte[]> byUnit = export(ExportRequest.plan(DossierFixture.PLAN).withUnit("BBN"));
    assertThat(byUnit.keySet().stream().filter(p -> p.startsWith("files/II.2/2-fanpage/"))).isEmpty();
    assertThat(byUnit.keySet().stream().filter(p -> p.startsWith("files/II.2/1-bao-dien-tu/") && p.endsWith("-screenshot.png"))).hasSize(2);
    Map<String, byte[]> byDate = export(ExportRequest.plan(DossierFixture.PLAN)
        .withRange(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 14)));
    String html = new String(byDate.get("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("Tam Đa", "Chợ 4.0", "cán bộ cấp xã").doesNotContain("đưa Luật Chuyển đổi số vào cuộc sống",
        "dịch vụ công trực tuyến toàn trình");
  }

  @Test
  void auditEventsOfTheExportedItemsAreASliceOfTheChain() throws Exception {
    Map<String, byte[]> zip = export(ExportRequest.plan(DossierFixture.PLAN).withItem("II.2"));
    List<String> events = new String(zip.get("audit/audit-events.jsonl"), StandardCharsets.UTF_8).lines().toList();
    assertThat(events).hasSize(6 * 3);
    assertThat(events).allMatch(l -> l.contains("\"entityType\":\"evidence\"") || l.contains("\"entityType\":\"evidence_link\""));
    assertThat(events).noneMatch(l -> l.contains("\"entityId\":\"" + ids.rejected() + "\""));
    List<String> chain = new String(zip.get("audit/audit-chain.txt"), StandardCharsets.UTF_8).lines().toList();
    assertThat(chain.size()).isGreaterThan(events.size());
  }

  @Test
  void unknownPlanIsABadRequestListingTheKnownPlans() {
    assertThatThrownBy(() -> export(ExportRequest.plan("999/KH-UBND")))
        .isInstanceOf(ExportException.class)
        .hasMessage("no plan with code '999/KH-UBND'; known plans: 110/KH-UBND")
        .satisfies(e -> assertThat(((ExportException) e).reason()).isEqualTo(ExportException.Reason.BAD_REQUEST));
    assertThatThrownBy(() -> export(ExportRequest.plan(DossierFixture.PLAN).withItem("IX.9")))
        .hasMessage("plan 110/KH-UBND has no item 'IX.9'; its items are: II.1, II.2, II.3.1");
  }

  private static List<String> cells(Row row, DataFormatter f) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      out.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
    }
    return out;
  }

  private static List<List<String>> rowsOf(Sheet s, DataFormatter f) {
    List<List<String>> out = new java.util.ArrayList<>();
    for (int i = 1; i <= s.getLastRowNum(); i++) {
      out.add(cells(s.getRow(i), f));
    }
    return out;
  }
}
