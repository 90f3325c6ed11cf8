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
import vn.minhchung.config.registry.EvidenceComponent;

/**
 * index.html: opens offline from the unzipped folder (relative links only, inline CSS, no script, no outside
 * resource), grouped by plan item and component. Evidence is spooled to disk as it streams; the page is put
 * together at the end, when the totals and the completeness sheet are known.
 */
final class IndexHtml implements AutoCloseable {
  private static final String CSS = """
      body{font-family:"Times New Roman",Times,serif;font-size:15px;color:#1a1a1a;margin:0;background:#f4f5f7}
      main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff}
      header{text-align:center;border-bottom:2px solid #8a1c1c;padding-bottom:12px;margin-bottom:16px}
      header .org{font-weight:bold;text-transform:uppercase;font-size:14px}
      h1{font-size:24px;margin:8px 0 4px;color:#8a1c1c}
      h2{font-size:19px;margin:28px 0 8px;padding:6px 10px;background:#f1e6e6;border-left:5px solid #8a1c1c}
      h3{font-size:16px;margin:18px 0 8px;color:#333}
      .meta{color:#444;font-size:14px}
      table{border-collapse:collapse;width:100%;font-size:14px}
      th,td{border:1px solid #b9b9b9;padding:4px 6px;vertical-align:top;text-align:left}
      th{background:#ececec}
      td.num{text-align:right;white-space:nowrap}
      .ok{color:#1f6f2b;font-weight:bold}
      .miss{color:#a11b1b}
      .card{display:flex;gap:14px;border:1px solid #d5d5d5;border-radius:4px;padding:10px;margin:8px 0}
      .card .thumb{flex:0 0 240px;text-align:center}
      .card .thumb img{max-width:240px;max-height:180px;border:1px solid #ccc}
      .card .nothumb{display:inline-block;width:220px;padding:40px 0;border:1px dashed #aaa;color:#666}
      .card .body{flex:1;min-width:0}
      .card .title{font-weight:bold;font-size:16px}
      .card dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0;font-size:14px}
      .card dt{color:#555}
      .card dd{margin:0;overflow-wrap:anywhere}
      .sha{font-family:monospace;font-size:12px;color:#555;overflow-wrap:anywhere}
      .badge{display:inline-block;padding:0 6px;border-radius:3px;background:#fff3cd;color:#6d5200;font-size:12px}
      nav ol{columns:2}
      table.series img{max-width:160px;max-height:120px;border:1px solid #ccc}
      table.series tr.absent td{background:#fbeaea}
      footer{margin-top:32px;border-top:1px solid #ccc;padding-top:8px;font-size:13px;color:#555}
      """;

  private final Path spool;
  private final Writer body;

  IndexHtml(Path workDir) throws IOException {
    this.spool = workDir.resolve("index.spool");
    this.body = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spool), StandardCharsets.UTF_8));
  }

  void beginItem(DossierInfo.Item item) throws IOException {
    body.write("<section id=\"muc-" + esc(DossierLayout.segment(item.code(), "muc")) + "\"><h2>" + esc(item.heading()) + "</h2>\n");
    StringBuilder m = new StringBuilder("<p class=\"meta\">");
    if (item.lead() != null) {
      m.append("Cơ quan chủ trì: ").append(esc(item.lead())).append(". ");
    }
    if (item.timing() != null) {
      m.append("Thời gian thực hiện: ").append(esc(item.timing())).append(". ");
    }
    if (item.deadline() != null) {
      m.append("Hạn báo cáo: ").append(DossierText.date(item.deadline())).append('.');
    }
    body.write(m.append("</p>\n").toString());
  }

  void beginComponent(EvidenceComponent c) throws IOException {
    body.write("<h3>" + esc(CompletenessSheet.componentLabel(c)) + "</h3>\n");
  }

  void noEvidence() throws IOException {
    body.write("<p class=\"miss\">Không có minh chứng nào phù hợp với điều kiện xuất.</p>\n");
  }

  /** The banner series of the item's watched pages: one table each, a row per day of the period. */
  void banners(java.util.List<BannerSeries.Series> series) throws IOException {
    for (BannerSeries.Series s : series) {
      StringBuilder b = new StringBuilder("<h3 id=\"banner-").append(esc(DossierLayout.segment(s.itemCode(), "muc")))
          .append('-').append(esc(DossierLayout.segment(s.channelCode(), "kenh"))).append("\">Theo dõi banner: ")
          .append(esc(s.channelName())).append(" – đợt ").append(esc(s.period())).append("</h3>\n<p class=\"meta\">Trang ")
          .append(esc(s.url())).append("; cần hiển thị ").append(esc(s.what())).append(". ")
          .append(s.absent() == 0 ? "Không có ngày nào thiếu banner." : s.absent() + " ngày không thấy banner.")
          .append("</p>\n<table class=\"series\"><thead><tr><th>Ngày</th><th>Ngày trong đợt</th><th>Hiển thị</th>"
              + "<th>Thời điểm chụp</th><th>Ảnh chụp</th></tr></thead><tbody>\n");
      for (BannerSeries.Day d : s.days()) {
        b.append("<tr").append(d.state() == BannerSeries.State.ABSENT ? " class=\"absent\"" : "").append("><td>")
            .append(DossierText.date(d.day())).append("</td><td>").append(esc(s.dayLabel(d))).append("</td><td><span class=\"")
            .append(d.state() == BannerSeries.State.SHOWN ? "ok" : "miss").append("\">")
            .append(d.state() == BannerSeries.State.ABSENT ? "KHÔNG THẤY" : esc(d.state().label)).append("</span></td><td>")
            .append(DossierText.minute(d.capturedAt())).append("</td><td>");
        if (d.entry() != null && d.entry().thumbPath() != null) {
          b.append("<a href=\"").append(esc(d.screenshotPath() == null ? d.entry().thumbPath() : d.screenshotPath()))
              .append("\"><img src=\"").append(esc(d.entry().thumbPath())).append("\" alt=\"Ảnh chụp ngày ")
              .append(DossierText.date(d.day())).append("\" width=\"").append(d.entry().thumb().width())
              .append("\" height=\"").append(d.entry().thumb().height()).append("\"></a> <a href=\"#mc-")
              .append(d.entry().row().evidenceId()).append("\">minh chứng số ").append(d.entry().number()).append("</a>");
        }
        b.append("</td></tr>\n");
      }
      body.write(b.append("</tbody></table>\n").toString());
    }
  }

  void endItem() throws IOException {
    body.write("</section>\n");
  }

  void entry(DossierInfo.Entry e) throws IOException {
    ExportRow r = e.row();
    StringBuilder b = new StringBuilder("<div class=\"card\" id=\"mc-").append(r.evidenceId()).append("\"><div class=\"thumb\">");
    if (e.thumbPath() != null) {
      String target = e.files().isEmpty() ? e.thumbPath() : e.files().get(0).path();
      b.append("<a href=\"").append(esc(target)).append("\"><img src=\"").append(esc(e.thumbPath()))
          .append("\" alt=\"Ảnh chụp minh chứng số ").append(e.number()).append("\" width=\"").append(e.thumb().width())
          .append("\" height=\"").append(e.thumb().height()).append("\"></a>");
    } else {
      b.append("<span class=\"nothumb\">").append(e.files().isEmpty() ? "Không có tệp" : "Xem tệp đính kèm").append("</span>");
    }
    b.append("</div><div class=\"body\"><div class=\"title\">").append(e.number()).append(". ");
    var link = Markup.webUrl(r.url());
    if (link.isPresent()) {
      b.append("<a href=\"").append(esc(link.get())).append("\">").append(esc(r.title())).append("</a>");
    } else {
      b.append(esc(r.title()));
    }
    if (!"approved".equals(r.status())) {
      b.append(" <span class=\"badge\">").append(DossierText.status(r.status())).append("</span>");
    }
    b.append("</div><dl>");
    dd(b, "Đơn vị", r.unitName());
    dd(b, "Kênh", r.channelName() == null ? null : r.channelName() + " (" + DossierText.channelKind(r.channelKind()) + ")");
    dd(b, "Ngày đăng", r.occurredAt() == null ? null : DossierText.minute(r.occurredAt())
        + (DossierText.shownOnPage(r.postedAtText()) == null ? ""
            : " (trên trang: " + DossierText.shownOnPage(r.postedAtText()) + ")"));
    ExportRow.Counts c = e.counts();
    if (c.likesShown() != null || c.comments() != null || c.shares() != null || c.views() != null) {
      dd(b, "Tương tác", interactions(c));
    }
    dd(b, "Đường dẫn", r.url());
    dd(b, "Thời điểm chụp", r.capturedAt() == null ? null : DossierText.second(r.capturedAt()));
    dd(b, "Lưu ý", e.flagsText());
    b.append("<dt>Tệp</dt><dd>");
    for (int i = 0; i < e.files().size(); i++) {
      DossierInfo.FileRef f = e.files().get(i);
      b.append(i == 0 ? "" : " · ").append("<a href=\"").append(esc(f.path())).append("\">").append(esc(f.label())).append("</a>");
    }
    b.append("</dd>");
    if (e.mainSha256() != null) {
      b.append("<dt>SHA-256</dt><dd class=\"sha\">").append(e.mainSha256()).append("</dd>");
    }
    b.append("</dl></div></div>\n");
    body.write(b.toString());
  }

  /** The counts in words; one read shortened from a page ("1,2K") is "khoảng 1.200", never a made-up exact number. */
  static String interactions(ExportRow.Counts c) {
    StringBuilder s = new StringBuilder();
    part(s, c.likesShown(), c.likesApproximate(), "lượt thích");
    part(s, c.comments(), c.approximate("comments"), "bình luận");
    part(s, c.shares(), c.approximate("shares"), "chia sẻ");
    part(s, c.views(), c.approximate("views"), "lượt xem");
    return s.toString();
  }

  private static void part(StringBuilder s, Long n, boolean approximate, String label) {
    if (n != null) {
      s.append(s.length() == 0 ? "" : ", ").append(DossierText.counted(n, approximate)).append(' ').append(label);
    }
  }

  private static void dd(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }
  }

  /** Writes the whole page: header, contents, completeness sheet, the spooled evidence, footer. */
  void writeTo(OutputStream out, DossierInfo info, CompletenessSheet sheet, int evidenceCount) throws IOException {
    body.close();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">"
        + "<title>Hồ sơ minh chứng – " + esc(info.planCode()) + "</title><style>" + CSS + "</style></head><body><main>\n");
    w.write("<header><div class=\"org\">" + esc(info.issuer()) + "</div><h1>HỒ SƠ MINH CHỨNG</h1><div>Kế hoạch số "
        + esc(info.planCode()) + (info.issuedOn() == null ? "" : " ngày " + DossierText.date(info.issuedOn())) + "</div><div><b>"
        + esc(info.planTitle()) + "</b></div><div class=\"meta\">" + esc(info.filterText()) + " · " + evidenceCount
        + " minh chứng · Lập lúc " + DossierText.second(info.generatedAt()) + " (giờ Việt Nam)</div></header>\n");
    w.write("<nav><b>Mục lục</b><ol><li><a href=\"#hoan-thanh\">Mức độ hoàn thành theo thành phần minh chứng</a></li>");
    if (!sheet.units().isEmpty()) {
      w.write("<li><a href=\"#theo-don-vi\">Minh chứng theo đơn vị</a></li>");
    }
    for (DossierInfo.Item i : info.items()) {
      w.write("<li><a href=\"#muc-" + esc(DossierLayout.segment(i.code(), "muc")) + "\">" + esc(i.heading()) + "</a></li>");
    }
    w.write("</ol></nav>\n<section id=\"hoan-thanh\"><h2>Mức độ hoàn thành theo thành phần minh chứng</h2><table><thead><tr>");
    for (String h : CompletenessSheet.HEADERS) {
      w.write("<th>" + esc(h) + "</th>");
    }
    w.write("</tr></thead><tbody>\n");
    java.util.List<CompletenessSheet.Row> rows = sheet.rows();
    for (int i = 0; i < rows.size(); i++) {
      CompletenessSheet.Row r = rows.get(i);
      String item = "";
      if (i == 0 || !rows.get(i - 1).itemCode().equals(r.itemCode())) {
        int span = (int) rows.stream().filter(x -> x.itemCode().equals(r.itemCode())).count();
        item = "<td rowspan=\"" + span + "\">" + esc(r.itemCode()) + "</td><td rowspan=\"" + span + "\">" + esc(r.itemTitle()) + "</td>";
      }
      w.write("<tr>" + item + "<td>"
          + esc(r.label()) + "</td><td>" + esc(r.targets()) + "</td><td class=\"num\">"
          + r.have() + "</td><td class=\"num\">" + r.toReview() + "</td><td>"
          + "<span class=\"" + (r.complete() ? "ok" : "miss") + "\">" + esc(r.status()) + "</span>" + "</td></tr>\n");
    }
    w.write("</tbody></table></section>\n");
    if (!sheet.units().isEmpty()) {
      w.write("<section id=\"theo-don-vi\"><h2>Minh chứng theo đơn vị</h2><p class=\"meta\">Đơn vị chủ trì và phối hợp"
          + " của từng nhiệm vụ: thành phần đã có minh chứng được duyệt, và thành phần còn thiếu từ đơn vị đó.</p>"
          + "<table><thead><tr>");
      for (String h : CompletenessSheet.UNIT_HEADERS) {
        w.write("<th>" + esc(h) + "</th>");
      }
      w.write("</tr></thead><tbody>\n");
      for (vn.minhchung.review.progress.UnitProgress.Row u : sheet.units()) {
        w.write("<tr>");
        for (String c : CompletenessSheet.unitCells(u)) {
          w.write("<td>" + esc(c) + "</td>");
        }
        w.write("</tr>\n");
      }
      w.write("</tbody></table></section>\n");
    }
    w.flush();
    try (Reader r = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      r.transferTo(w);
    }
    w.write("<footer>Danh sách tệp và mã băm SHA-256: <a href=\"" + DossierLayout.MANIFEST + "\">" + DossierLayout.MANIFEST
        + "</a>. Bảng tính: <a href=\"" + DossierLayout.XLSX + "\">" + DossierLayout.XLSX + "</a>. Phụ lục: <a href=\""
        + DossierLayout.DOCX + "\">" + DossierLayout.DOCX + "</a>. Nhật ký kiểm toán: <a href=\"" + DossierLayout.AUDIT_EVENTS
        + "\">" + DossierLayout.AUDIT_EVENTS + "</a>. Kiểm tra tính toàn vẹn của hồ sơ: <code>harvester verify "
        + "&lt;tệp&gt;.zip</code> hoặc <code>sha256sum -c " + DossierLayout.MANIFEST + "</code>.</footer>\n</main></body></html>\n");
    w.flush();
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
