package vn.minhchung.review.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * minh-chung.xlsx through POI's streaming writer: rows beyond a small window go to compressed temporary
 * files, so the sheet can hold any number of evidence items. One row per evidence item, then the
 * completeness sheet.
 */
final class XlsxSheet implements AutoCloseable {
  static final String EVIDENCE_SHEET = "Minh chứng";
  static final String COMPLETENESS_SHEET = "Mức độ hoàn thành";
  static final String UNITS_SHEET = "Theo đơn vị";
  static final List<String> HEADERS = List.of("STT", "Mục kế hoạch", "Thành phần minh chứng", "Đơn vị", "Kênh",
      "Tiêu đề", "Ngày đăng (giờ Việt Nam)", "Lượt thích", "Bình luận", "Chia sẻ", "Lượt xem", "Đường dẫn", "Thời điểm chụp (giờ Việt Nam)",
      "SHA-256", "Tệp trong hồ sơ", "Trạng thái", "Lưu ý");

  private final SXSSFWorkbook wb = new SXSSFWorkbook(50);
  private final SXSSFSheet sheet;
  private final CellStyle header;
  /** Counts with thousands separators (Excel shows the reader's grouping: "1.848" in Vietnamese). */
  private final CellStyle count;
  /** Dates as real date cells in Asia/Ho_Chi_Minh local time, shown dd/MM/yyyy HH:mm (and :ss for capture times). */
  private final CellStyle minute;
  private final CellStyle second;
  private int next = 1;

  XlsxSheet() {
    wb.setCompressTempFiles(true);
    Font bold = wb.createFont();
    bold.setBold(true);
    header = wb.createCellStyle();
    header.setFont(bold);
    count = wb.createCellStyle();
    count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
    minute = wb.createCellStyle();
    minute.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    second = wb.createCellStyle();
    second.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
    sheet = wb.createSheet(EVIDENCE_SHEET);
    headerRow(sheet, HEADERS);
    sheet.createFreezePane(0, 1);
    int[] widths = {6, 12, 28, 28, 28, 60, 17, 11, 11, 11, 11, 50, 20, 66, 50, 12, 40};
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
  }

  void entry(DossierInfo.Entry e, String itemCode) {
    ExportRow r = e.row();
    ExportRow.Counts c = e.counts();
    Row row = sheet.createRow(next++);
    row.createCell(0).setCellValue(e.number());
    row.createCell(1).setCellValue(itemCode);
    row.createCell(2).setCellValue(vn.minhchung.config.registry.EvidenceComponent.of(r.component())
        .map(CompletenessSheet::componentLabel).orElse(String.valueOf(r.component())));
    text(row, 3, r.unitName());
    text(row, 4, r.channelName() == null ? null : r.channelName() + " (" + DossierText.channelKind(r.channelKind()) + ")");
    text(row, 5, r.title());
    date(row, 6, r.occurredAt(), minute);
    number(row, 7, c.likesShown(), c.likesApproximate());
    number(row, 8, c.comments(), c.approximate("comments"));
    number(row, 9, c.shares(), c.approximate("shares"));
    number(row, 10, c.views(), c.approximate("views"));
    text(row, 11, r.url());
    date(row, 12, r.capturedAt(), second);
    text(row, 13, e.mainSha256());
    text(row, 14, e.files().isEmpty() ? null : e.files().get(0).path());
    text(row, 15, DossierText.status(r.status()));
    text(row, 16, e.flagsText().isEmpty() ? null : e.flagsText());
  }

  void completeness(CompletenessSheet sheetData) {
    // Filters on every column of the evidence rows (set once the last row is known).
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, HEADERS.size() - 1));
    SXSSFSheet s = wb.createSheet(COMPLETENESS_SHEET);
    headerRow(s, CompletenessSheet.HEADERS);
    int[] widths = {8, 50, 60, 40, 8, 10, 50};
    for (int i = 0; i < widths.length; i++) {
      s.setColumnWidth(i, widths[i] * 256);
    }
    int n = 1;
    for (CompletenessSheet.Row r : sheetData.rows()) {
      Row row = s.createRow(n++);
      row.createCell(0).setCellValue(r.itemCode());
      row.createCell(1).setCellValue(r.itemTitle());
      row.createCell(2).setCellValue(r.label());
      row.createCell(3).setCellValue(r.targets());
      row.createCell(4).setCellValue(r.have());
      row.createCell(5).setCellValue(r.toReview());
      row.createCell(6).setCellValue(r.status());
    }
    s.createFreezePane(0, 1);
    s.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, CompletenessSheet.HEADERS.size() - 1));
    if (!sheetData.units().isEmpty()) {
      SXSSFSheet u = wb.createSheet(UNITS_SHEET);
      headerRow(u, CompletenessSheet.UNIT_HEADERS);
      int[] unitWidths = {10, 45, 10, 34, 12, 16, 60};
      for (int i = 0; i < unitWidths.length; i++) {
        u.setColumnWidth(i, unitWidths[i] * 256);
      }
      int k = 1;
      for (vn.minhchung.review.progress.UnitProgress.Row r : sheetData.units()) {
        Row row = u.createRow(k++);
        List<String> cells = CompletenessSheet.unitCells(r);
        for (int i = 0; i < cells.size(); i++) {
          text(row, i, cells.get(i));
        }
      }
      u.createFreezePane(0, 1);
      u.setAutoFilter(new CellRangeAddress(0, Math.max(0, k - 1), 0, CompletenessSheet.UNIT_HEADERS.size() - 1));
    }
  }

  static final String BANNER_SHEET = "Theo dõi banner";
  static final List<String> BANNER_HEADERS = List.of("Mục kế hoạch", "Kênh", "Địa chỉ trang", "Ngày",
      "Ngày trong đợt", "Hiển thị", "Thời điểm chụp", "Minh chứng số", "Tệp ảnh chụp", "Ảnh chụp");

  /** The banner series: one row per day of each watched page's period, with the day's thumbnail in the last column. */
  void banners(List<BannerSeries.Series> series) {
    SXSSFSheet s = wb.createSheet(BANNER_SHEET);
    headerRow(s, BANNER_HEADERS);
    s.createFreezePane(0, 1);
    int[] widths = {12, 36, 40, 12, 14, 16, 17, 13, 50, 36};
    for (int i = 0; i < widths.length; i++) {
      s.setColumnWidth(i, widths[i] * 256);
    }
    var helper = wb.getCreationHelper();
    CellStyle day = wb.createCellStyle();
    day.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
    CellStyle minute = wb.createCellStyle();
    minute.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    var drawing = s.createDrawingPatriarch();
    int n = 1;
    for (BannerSeries.Series x : series) {
      for (BannerSeries.Day d : x.days()) {
        Row row = s.createRow(n);
        row.createCell(0).setCellValue(x.itemCode());
        row.createCell(1).setCellValue(x.channelName() + " (" + x.channelCode() + ")");
        text(row, 2, x.url());
        var dayCell = row.createCell(3);
        dayCell.setCellValue(d.day());
        dayCell.setCellStyle(day);
        row.createCell(4).setCellValue(x.dayLabel(d));
        row.createCell(5).setCellValue(d.state() == BannerSeries.State.ABSENT ? "KHÔNG THẤY" : d.state().label);
        if (d.capturedAt() != null) {
          var at = row.createCell(6);
          at.setCellValue(java.time.LocalDateTime.ofInstant(d.capturedAt(), vn.minhchung.config.settings.Settings.ZONE));
          at.setCellStyle(minute);
        }
        if (d.entry() != null) {
          row.createCell(7).setCellValue(d.entry().number());
          text(row, 8, d.screenshotPath());
          if (d.entry().thumb() != null) {
            Thumbnails.Thumb t = d.entry().thumb();
            row.setHeightInPoints(Math.max(15, t.height() * 0.75f + 4));
            int picture = wb.addPicture(t.png(), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
            var anchor = helper.createClientAnchor();
            anchor.setCol1(9);
            anchor.setRow1(n);
            anchor.setCol2(10);
            anchor.setRow2(n + 1);
            anchor.setAnchorType(org.apache.poi.ss.usermodel.ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            drawing.createPicture(anchor, picture);
          }
        }
        n++;
      }
    }
    if (n > 1) {
      s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, n - 1, 0, BANNER_HEADERS.size() - 1));
    }
  }

  void writeTo(OutputStream out) throws IOException {
    wb.write(out);
  }

  private void headerRow(Sheet s, List<String> names) {
    Row h = s.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      var cell = h.createCell(i);
      cell.setCellValue(names.get(i));
      cell.setCellStyle(header);
    }
  }

  private static void text(Row row, int col, String value) {
    if (value != null && !value.isEmpty()) {
      row.createCell(col).setCellValue(value);
    }
  }

  /** A date cell: the instant's local date and time in Asia/Ho_Chi_Minh (spreadsheets have no time zone). */
  private static void date(Row row, int col, java.time.Instant at, CellStyle style) {
    if (at != null) {
      var cell = row.createCell(col);
      cell.setCellValue(java.time.LocalDateTime.ofInstant(at, vn.minhchung.config.settings.Settings.ZONE)
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      cell.setCellStyle(style);
    }
  }

  /** An exact count as a number with thousands separators; one known only to a page's precision as text ("khoảng 1.200"). */
  private void number(Row row, int col, Long value, boolean approximate) {
    if (value != null && approximate) {
      row.createCell(col).setCellValue(DossierText.counted(value, true));
    } else if (value != null) {
      var cell = row.createCell(col);
      cell.setCellValue(value);
      cell.setCellStyle(count);
    }
  }

  @Override
  public void close() throws IOException {
    // close() also deletes the temporary sheet files (it calls dispose()).
    wb.close();
  }
}
