package vn.minhchung.review.export;

import static vn.minhchung.review.export.Markup.esc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * phu-luc-minh-chung.docx, the appendix in the layout of Vietnamese administrative reports (A4, Times New Roman
 * 14 for text and 13 in tables, "PHỤ LỤC" centred bold; per plan item one block per evidence: its facts as
 * text (the link clickable) and its screenshot with the header band at the full text width of 16 cm, so the
 * band reads on paper; then the completeness table). Written as WordprocessingML directly rather than through XWPF, whose in-memory model
 * grows with every row and picture: pictures go straight into the package, the body is spooled to disk.
 * POI's XWPF reads the result (see the tests).
 */
final class DocxAppendix implements AutoCloseable {
  private static final String FONT = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>";
  private static final long EMU_PER_PX = 9525;
  /** Column widths in twentieths of a point; they add up to the A4 text width with 30/20 mm margins. */
  /** The text width of the page: A4 (11906) less the 30 mm left and 20 mm right margins, 16 cm. */
  static final int TEXT_WIDTH_TWIPS = 9071;
  /** An evidence block: label and value columns. */
  private static final int[] BLOCK_COLS = {2300, 6771};
  private static final long EMU_PER_TWIP = 635;
  private static final int[] COMPLETENESS_COLS = {700, 3000, 1500, 900, 900, 2071};
  /** Item, unit, role, deadline, state, components given, missing. */
  private static final int[] UNIT_COLS = {800, 2200, 900, 1500, 1000, 900, 1771};
  /** A banner series: day, day of the period, shown, capture time, thumbnail. */
  private static final int[] SERIES_COLS = {1500, 1300, 1500, 1800, 2971};
  /** The frame's agency and national-title columns, and the recipients and signature columns. */
  private static final int[] FRAME_COLS = {3500, 5571};
  private static final int[] CLOSING_COLS = {3900, 5171};

  private final Path packageFile;
  private final Path bodySpool;
  private final ZipOutputStream pkg;
  private final Writer body;
  private int images;
  private final List<String> imageExtensions = new java.util.ArrayList<>();
  private final List<String> links = new java.util.ArrayList<>();
  private String planCode = "";

  DocxAppendix(Path workDir) throws IOException {
    this.packageFile = workDir.resolve("appendix.docx");
    this.bodySpool = workDir.resolve("appendix-body.spool");
    this.pkg = new ZipOutputStream(Files.newOutputStream(packageFile), StandardCharsets.UTF_8);
    this.body = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(bodySpool), StandardCharsets.UTF_8));
  }

  /**
   * The document's frame (Nghị định 30/2020/NĐ-CP): agency and number on the left, the national title, motto and
   * the place-and-date line on the right, then the title of the appendix.
   */
  void title(DossierInfo info, DocumentForm form) throws IOException {
    this.planCode = info.planCode();
    int year = info.generatedAt().atZone(vn.minhchung.config.settings.Settings.ZONE).getYear();
    String left = (form.parentAgencyLine().isEmpty() ? "" : paragraph("center", 26, false, false, form.parentAgencyLine()))
        + paragraph("center", 26, true, false, form.agencyLine()) + rule(900) + paragraph("center", 26, false, false,
        form.numberLine());
    String right = paragraph("center", 24, true, false, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        + paragraph("center", 28, true, false, "Độc lập - Tự do - Hạnh phúc") + rule(1100)
        + paragraph("center", 28, false, true, form.placeDateLine(year));
    body.write(plainTable(FRAME_COLS, "<w:tr>" + cell(FRAME_COLS[0], "center", left) + cell(FRAME_COLS[1], "center", right)
        + "</w:tr>"));
    body.write(paragraph("center", 28, true, false, "PHỤ LỤC", 360));
    body.write(paragraph("center", 28, true, false, "DANH MỤC MINH CHỨNG"));
    body.write(paragraph("center", 28, false, true, "(Kèm theo báo cáo kết quả thực hiện Kế hoạch số " + info.planCode()
        + (info.issuedOn() == null ? "" : " ngày " + DossierText.date(info.issuedOn())) + " của " + info.issuer() + ")"));
    body.write(paragraph("center", 28, false, true, info.planTitle()));
  }

  /** "Nơi nhận" on the left and the signature block on the right, after the last table. */
  void closing(DocumentForm form) throws IOException {
    StringBuilder left = new StringBuilder("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr><w:r><w:rPr>")
        .append(FONT).append("<w:b/><w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t>Nơi nhận:</w:t></w:r></w:p>");
    for (String r : form.recipientLines()) {
      left.append(tight("left", 22, false, false, r));
    }
    StringBuilder right = new StringBuilder();
    for (String t : form.signerTitleLines()) {
      right.append(tight("center", 28, true, false, t));
    }
    right.append(paragraph("center", 26, false, true, "(Chữ ký, dấu)"));
    for (int i = 0; i < 4; i++) {
      right.append(paragraph("center", 28, false, false, ""));
    }
    right.append(paragraph("center", 28, true, false, form.signerName().orElse(DocumentForm.BLANK)));
    body.write(paragraph("both", 28, false, false, ""));
    body.write(plainTable(CLOSING_COLS, "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(CLOSING_COLS[0], "left",
        left.toString()) + cell(CLOSING_COLS[1], "center", right.toString()) + "</w:tr>"));
  }

  /** A table without borders holding {@code row}. */
  private static String plainTable(int[] cols, String row) {
    StringBuilder b = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/>"
        + "</w:tblPr><w:tblGrid>");
    for (int c : cols) {
      b.append("<w:gridCol w:w=\"").append(c).append("\"/>");
    }
    b.append("</w:tblGrid>");
    b.append(row);
    return b.append("</w:tbl>\n").toString();
  }

  /** A short centred line under a heading, {@code indent} twips in from each side of its cell. */
  private static String rule(int indent) {
    return "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        + "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"" + indent
        + "\" w:right=\"" + indent + "\"/></w:pPr></w:p>";
  }

  void beginItem(DossierInfo.Item item) throws IOException {
    body.write(paragraph("both", 28, true, false, item.heading()));
    if (item.deadline() != null) {
      body.write(paragraph("both", 28, false, true, "Hạn báo cáo: " + DossierText.date(item.deadline())));
    }
  }

  void entry(DossierInfo.Entry e) throws IOException {
    ExportRow r = e.row();
    body.write(tableStart(BLOCK_COLS));
    body.write(keepNext("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(BLOCK_COLS[0], "left", runs("Minh chứng số " + e.number(), true))
        + cell(BLOCK_COLS[1], "left", runs(r.title(), true)) + "</w:tr>\n"));
    field("Thành phần", vn.minhchung.config.registry.EvidenceComponent.of(r.component())
        .map(c -> c.number() + ". " + c.shortName()).orElse(null));
    field("Đơn vị", r.unitName());
    field("Kênh", r.channelName());
    if (r.url() != null) {
      body.write(fieldRow("Đường liên kết", link(r.url())));
    }
    field("Ngày đăng", r.occurredAt() == null ? null : DossierText.minute(r.occurredAt()));
    String counts = IndexHtml.interactions(e.counts());
    field("Lượt tương tác", counts.isEmpty() ? null : counts);
    field("Thời điểm chụp", r.capturedAt() == null ? null : DossierText.minute(r.capturedAt()));
    field("Lưu ý", e.flagsText());
    if (!e.files().isEmpty()) {
      body.write(fieldRow("Tệp trong hồ sơ", runs(e.files().get(0).path(), false, 22)
          + (e.mainSha256() == null ? "" : line("SHA-256: " + e.mainSha256(), 18))));
    }
    body.write("</w:tbl>\n");
    if (e.proof() != null) {
      // The facts and their picture stay on one page where they fit (keep-with-next on the table's paragraphs).
      body.write(picture(e.proof()));
      String caption = "Hình " + e.number() + ". " + (r.captureId() != null
          ? "Ảnh chụp kèm dải thông tin (thời điểm chụp, địa chỉ, ngày đăng, lượt tương tác)" : "Ảnh tải lên")
          + (e.proof().cropped() && !e.files().isEmpty() ? "; phần đầu của ảnh, ảnh đầy đủ: " + e.files().get(0).path() : "");
      body.write(paragraph("center", 22, false, true, caption));
    } else {
      body.write(paragraph("both", 6, false, false, ""));
    }
  }

  private void field(String label, String value) throws IOException {
    if (value != null && !value.isBlank()) {
      body.write(fieldRow(label, runs(value, false)));
    }
  }

  private static String fieldRow(String label, String valueRuns) {
    return keepNext("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(BLOCK_COLS[0], "left", runs(label, false))
        + cell(BLOCK_COLS[1], "left", valueRuns) + "</w:tr>\n");
  }

  private static String keepNext(String row) {
    return row.replace("<w:pPr><w:spacing w:before=\"0\"", "<w:pPr><w:keepNext/><w:spacing w:before=\"0\"");
  }

  /** A clickable link for http(s) addresses (an external relationship); other text stays plain. */
  private String link(String url) {
    if (!url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)) {
      return runs(url, false);
    }
    links.add(url);
    return "<w:hyperlink r:id=\"rIdLink" + links.size() + "\" w:history=\"1\"><w:r><w:rPr>" + FONT
        + "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>"
        + "<w:t xml:space=\"preserve\">" + esc(url) + "</w:t></w:r></w:hyperlink>";
  }

  /** The banner series of the item's watched pages: a table each, a row per day with its thumbnail. */
  void banners(List<BannerSeries.Series> series) throws IOException {
    for (BannerSeries.Series s : series) {
      body.write(paragraph("both", 28, true, false, "Theo dõi banner: " + s.channelName() + " – đợt " + s.period()));
      body.write(paragraph("both", 26, false, true, "Trang " + s.url() + "; cần hiển thị " + s.what() + ". "
          + (s.absent() == 0 ? "Không có ngày nào thiếu banner." : s.absent() + " ngày không thấy banner.")));
      body.write(tableStart(SERIES_COLS));
      body.write(headerRow(List.of("Ngày", "Ngày trong đợt", "Hiển thị", "Thời điểm chụp", "Ảnh chụp"), SERIES_COLS));
      for (BannerSeries.Day d : s.days()) {
        String picture = runs("", false);
        if (d.entry() != null && d.entry().thumb() != null) {
          Thumbnails.Thumb t = d.entry().thumb();
          long cx = (SERIES_COLS[4] - 200L) * EMU_PER_TWIP;
          long cy = Math.round((double) cx * t.height() / t.width());
          picture = inline(embed(t.png(), "png"), "png", cx, cy)
              + line("Minh chứng số " + d.entry().number(), 20);
        }
        String state = d.state() == BannerSeries.State.ABSENT ? "KHÔNG THẤY" : d.state().label;
        body.write("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(SERIES_COLS[0], "center", runs(DossierText.date(d.day()), false))
            + cell(SERIES_COLS[1], "center", runs(s.dayLabel(d), false))
            + cell(SERIES_COLS[2], "center", runs(state, d.state() == BannerSeries.State.ABSENT))
            + cell(SERIES_COLS[3], "center", runs(DossierText.minute(d.capturedAt()), false))
            + cell(SERIES_COLS[4], "center", picture) + "</w:tr>\n");
      }
      body.write("</w:tbl>\n");
    }
  }

  void endItem(boolean any) throws IOException {
    if (!any) {
      body.write(paragraph("both", 28, false, true, "Không có minh chứng nào phù hợp với điều kiện xuất."));
    }
  }

  void completeness(CompletenessSheet sheet) throws IOException {
    body.write(paragraph("center", 28, true, false, "MỨC ĐỘ HOÀN THÀNH THEO THÀNH PHẦN MINH CHỨNG"));
    body.write(tableStart(COMPLETENESS_COLS));
    List<String> headers = List.of("Mục", "Thành phần minh chứng", "Chỉ tiêu", "Đã có", "Chờ duyệt", "Còn thiếu");
    body.write(headerRow(headers, COMPLETENESS_COLS));
    for (CompletenessSheet.Row r : sheet.rows()) {
      body.write("<w:tr>" + cell(COMPLETENESS_COLS[0], "center", runs(r.itemCode(), false))
          + cell(COMPLETENESS_COLS[1], "left", runs(r.label(), false))
          + cell(COMPLETENESS_COLS[2], "left", runs(r.targets(), false))
          + cell(COMPLETENESS_COLS[3], "center", runs(String.valueOf(r.have()), false))
          + cell(COMPLETENESS_COLS[4], "center", runs(String.valueOf(r.toReview()), false))
          + cell(COMPLETENESS_COLS[5], "left", runs(r.status(), false)) + "</w:tr>\n");
    }
    body.write("</w:tbl>\n");
    if (!sheet.units().isEmpty()) {
      body.write(paragraph("center", 28, true, false, "MINH CHỨNG THEO ĐƠN VỊ", 360));
      body.write(tableStart(UNIT_COLS));
      body.write(headerRow(CompletenessSheet.UNIT_HEADERS, UNIT_COLS));
      for (vn.minhchung.review.progress.UnitProgress.Row u : sheet.units()) {
        List<String> cells = CompletenessSheet.unitCells(u);
        StringBuilder row = new StringBuilder("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (int i = 0; i < cells.size(); i++) {
          row.append(cell(UNIT_COLS[i], i == 0 || i == 2 || i == 5 ? "center" : "left", runs(cells.get(i), false)));
        }
        body.write(row.append("</w:tr>\n").toString());
      }
      body.write("</w:tbl>\n");
    }
  }

  /** Finishes the package and copies it to {@code out}. */
  void writeTo(OutputStream out) throws IOException {
    body.close();
    part("word/document.xml", w -> {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document"
          + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
          + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
          + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
          + " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\n");
      try (Reader r = Files.newBufferedReader(bodySpool, StandardCharsets.UTF_8)) {
        r.transferTo(w);
      }
      // Page numbers in the header from the second page on (titlePg: the first page has none), as the decree asks.
      w.write("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
          + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"720\""
          + " w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>\n");
    });
    part("word/_rels/document.xml.rels", w -> {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
          + "<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
      for (int i = 1; i <= images; i++) {
        w.write("<Relationship Id=\"rIdImg" + i + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/anh" + i
            + "." + imageExtensions.get(i - 1) + "\"/>");
      }
      for (int i = 1; i <= links.size(); i++) {
        w.write("<Relationship Id=\"rIdLink" + i + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\""
            + esc(links.get(i - 1)) + "\" TargetMode=\"External\"/>");
      }
      w.write("</Relationships>\n");
    });
    part("word/styles.xml", w -> w.write(DocxParts.STYLES));
    part("word/header1.xml", w -> w.write(header()));
    part("[Content_Types].xml", w -> w.write(DocxParts.CONTENT_TYPES));
    part("_rels/.rels", w -> w.write(DocxParts.ROOT_RELS));
    pkg.close();
    Files.copy(packageFile, out);
  }

  /** The page number, centred, and the plan the appendix belongs to. */
  private String header() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr"
        + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"26\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r>"
        + "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        + "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        + "<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr>" + FONT + "<w:i/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>"
        + "<w:t xml:space=\"preserve\">" + esc("Phụ lục minh chứng – Kế hoạch số " + planCode) + "</w:t></w:r></w:p></w:hdr>\n";
  }

  /** The finished package on disk (after {@link #writeTo}), for the PDF conversion. */
  Path packageFile() {
    return packageFile;
  }

  /** The proof at the full text width (16 cm), or narrower when it is smaller than that at 96 dpi ×2. */
  private String picture(Thumbnails.Proof p) throws IOException {
    int n = embed(p.bytes(), p.extension());
    long fullWidth = TEXT_WIDTH_TWIPS * EMU_PER_TWIP;
    long cx = Math.min(fullWidth, Math.max(fullWidth * 15 / 16, p.width() * EMU_PER_PX * 2));
    long cy = Math.round((double) cx * p.height() / p.width());
    return "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
        + inline(n, p.extension(), cx, cy) + "</w:p>\n";
  }

  /** Puts an image into the package; returns its number (relationship {@code rIdImgN}). */
  private int embed(byte[] bytes, String extension) throws IOException {
    int n = ++images;
    imageExtensions.add(extension);
    pkg.putNextEntry(new ZipEntry("word/media/anh" + n + "." + extension));
    pkg.write(bytes);
    pkg.closeEntry();
    return n;
  }

  /** A run holding image {@code n} at {@code cx} × {@code cy} EMU. */
  private static String inline(int n, String extension, long cx, long cy) {
    return "<w:r><w:rPr>" + FONT + "</w:rPr><w:drawing>"
        + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        + "<wp:extent cx=\"" + cx + "\" cy=\"" + cy + "\"/><wp:docPr id=\"" + n + "\" name=\"Ảnh " + n + "\"/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        + "<pic:nvPicPr><pic:cNvPr id=\"" + n + "\" name=\"anh" + n + "." + extension + "\"/><pic:cNvPicPr/></pic:nvPicPr>"
        + "<pic:blipFill><a:blip r:embed=\"rIdImg" + n + "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx + "\" cy=\"" + cy + "\"/></a:xfrm>"
        + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
        + "</wp:inline></w:drawing></w:r>";
  }

  private interface PartWriter {
    void write(Writer w) throws IOException;
  }

  private void part(String name, PartWriter content) throws IOException {
    pkg.putNextEntry(new ZipEntry(name));
    Writer w = new BufferedWriter(new OutputStreamWriter(pkg, StandardCharsets.UTF_8));
    content.write(w);
    w.flush();
    pkg.closeEntry();
  }

  private static String tableStart(int[] cols) {
    StringBuilder b = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>");
    for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
      b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    }
    b.append("</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for (int c : cols) {
      b.append("<w:gridCol w:w=\"").append(c).append("\"/>");
    }
    return b.append("</w:tblGrid>\n").toString();
  }

  private static String headerRow(List<String> headers, int[] cols) {
    StringBuilder b = new StringBuilder("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (int i = 0; i < headers.size(); i++) {
      b.append(cell(cols[i], "center", runs(headers.get(i), true)));
    }
    return b.append("</w:tr>\n").toString();
  }

  /** A cell holding one paragraph of {@code runs}, or the paragraph given (a picture). */
  private static String cell(int width, String align, String runs) {
    String content = runs.startsWith("<w:p>") ? runs
        : "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"" + align + "\"/></w:pPr>" + runs + "</w:p>";
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + width + "\" w:type=\"dxa\"/></w:tcPr>" + content + "</w:tc>";
  }

  /** One run in Times New Roman, 13 pt unless a size in half-points is given. */
  private static String runs(String text, boolean bold) {
    return runs(text, bold, 26);
  }

  private static String runs(String text, boolean bold, int size) {
    return "<w:r><w:rPr>" + FONT + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size
        + "\"/></w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
  }

  /** A line break then one more run in the same paragraph. */
  private static String line(String text) {
    return line(text, 26);
  }

  private static String line(String text, int size) {
    return "<w:r><w:rPr>" + FONT + "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size
        + "\"/></w:rPr><w:br/><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
  }

  private static String paragraph(String align, int size, boolean bold, boolean italic, String text) {
    return paragraph(align, size, bold, italic, text, 60);
  }

  /** A paragraph without space before or after (lists, the signature block). */
  private static String tight(String align, int size, boolean bold, boolean italic, String text) {
    return paragraph(align, size, bold, italic, text, 0);
  }

  private static String paragraph(String align, int size, boolean bold, boolean italic, String text, int before) {
    return "<w:p><w:pPr><w:spacing w:before=\"" + before + "\" w:after=\"" + Math.min(before, 60) + "\"/><w:jc w:val=\"" + align + "\"/></w:pPr><w:r><w:rPr>" + FONT
        + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size
        + "\"/></w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r></w:p>\n";
  }

  @Override
  public void close() throws IOException {
    body.close();
    pkg.close();
  }
}
