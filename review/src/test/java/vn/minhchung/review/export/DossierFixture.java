package vn.minhchung.review.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

/**
 * The sample plan of the dossier tests, built with the entities: Kế hoạch 110/KH-UBND of Bắc Ninh, item II.2
 * (due 15/11/2026) with targets for components 1, 2, 3 and 5, approved evidence for components 1, 2 (videos
 * with screenshots drawn here, counts, HTML, WARC, capture.json) and 3 (a PDF scan), evidence that must stay
 * out (pending, rejected, suggested link), items II.1 and II.3.1, and the audit events of the reviews.
 */
public final class DossierFixture {
  public static final String PLAN = "110/KH-UBND";
  public static final Instant NOW = Instant.parse("2026-11-10T02:00:00Z");

  /** Ids of what the tests look for. */
  public record Ids(List<Long> approvedInII2, long pending, long rejected, long suggestedOnly, long pdfScan,
      long firstVideo) {}

  private final Database db;
  private final BlobStore blobs;
  private int auditNoise;

  public DossierFixture(Database db, BlobStore blobs) {
    this.db = db;
    this.blobs = blobs;
  }

  public Ids build() {
    return db.inTransaction(this::build);
  }

  private Ids build(Session s) {
    Instant t0 = Instant.parse("2026-10-01T01:00:00Z");
    Unit ubnd = persist(s, new Unit("UBND-BN", "UBND tỉnh Bắc Ninh", t0));
    Unit skhcn = persist(s, new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", t0));
    Unit bao = persist(s, new Unit("BBN", "Báo và Phát thanh, Truyền hình Bắc Ninh", t0));
    Channel fb = persist(s, new Channel("FB-TTBN", skhcn, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
        "https://www.facebook.com/truyenthongbacninh", t0));
    Channel news = persist(s, new Channel("BBN-WEB", bao, ChannelKind.NEWS_SITE, "Báo Bắc Ninh điện tử",
        "https://baobacninh.vn/chuyen-doi-so", t0));

    Plan plan = new Plan(PLAN, "Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh", t0);
    plan.setIssuer("UBND tỉnh Bắc Ninh");
    plan.setIssuedOn(LocalDate.of(2026, 4, 14));
    s.persist(plan);
    item(s, plan, 1, "II.1", "Rà soát văn bản quy phạm pháp luật", null, "Năm 2026", null);
    PlanItem ii2 = item(s, plan, 2, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", skhcn,
        "Thường xuyên", LocalDate.of(2026, 11, 15));
    PlanItem ii31 = item(s, plan, 3, "II.3.1", "Tổ chức rà soát, đánh giá các chiến lược, chương trình, đề án về chuyển đổi số",
        skhcn, "Quý IV/2026", LocalDate.of(2026, 12, 20));
    target(s, ii2, 1, 1, "Bài viết trên báo điện tử", 2, null, null);
    target(s, ii2, 2, 2, "Clip phóng sự 5–10 phút", 7, Duration.ofMinutes(5), Duration.ofMinutes(10));
    target(s, ii2, 3, 3, "Bản scan trang báo in", 2, null, null);
    target(s, ii2, 4, 5, "Infographic 2D", 5, null, null);
    target(s, ii31, 1, 3, "Bản scan báo in", 1, null, null);
    noise(s, t0);

    List<Long> approved = new ArrayList<>();
    approved.add(article(s, news, ii2, "Bắc Ninh đưa Luật Chuyển đổi số vào cuộc sống",
        "https://baobacninh.vn/chuyen-doi-so/bac-ninh-dua-luat-chuyen-doi-so-vao-cuoc-song-214501.html",
        Instant.parse("2026-10-03T01:30:00Z"), "approved", "confirmed"));
    approved.add(article(s, news, ii2, "Hội nghị phổ biến Luật Chuyển đổi số cho cán bộ cấp xã",
        "https://baobacninh.vn/chuyen-doi-so/hoi-nghi-pho-bien-luat-chuyen-doi-so-214877.html",
        Instant.parse("2026-10-12T08:15:00Z"), "approved", "confirmed"));
    long firstVideo = video(s, fb, ii2, 1, "Phóng sự: Chuyển đổi số ở xã Tam Đa – từ chính sách đến hành động",
        Instant.parse("2026-10-05T12:00:00Z"), 390, 1234, "approved", "confirmed");
    approved.add(firstVideo);
    approved.add(video(s, fb, ii2, 2, "Phóng sự: Chợ 4.0 – người dân Bắc Ninh thanh toán không dùng tiền mặt",
        Instant.parse("2026-10-14T11:30:00Z"), 490, 2310, "approved", "confirmed"));
    approved.add(video(s, fb, ii2, 3, "Phóng sự: Luật Chuyển đổi số và dịch vụ công trực tuyến toàn trình",
        Instant.parse("2026-10-21T13:00:00Z"), 545, 987, "approved", "confirmed"));
    long pending = video(s, fb, ii2, 4, "Phóng sự: Thanh niên tình nguyện hướng dẫn kỹ năng số",
        Instant.parse("2026-10-28T12:00:00Z"), 420, 310, "pending", "confirmed");
    long rejected = video(s, fb, ii2, 5, "Video: Khai mạc giải bóng đá thanh niên", Instant.parse("2026-10-29T09:00:00Z"),
        120, 45, "rejected", "confirmed");
    long suggested = article(s, news, ii2, "Bắc Ninh tổ chức Ngày Chuyển đổi số tỉnh năm 2026",
        "https://baobacninh.vn/chuyen-doi-so/ngay-chuyen-doi-so-2026-215002.html",
        Instant.parse("2026-10-10T02:00:00Z"), "approved", "suggested");
    long pdf = upload(s, bao, ii2, 3, "Báo Bắc Ninh số 4215, trang 3: “Phổ biến Luật Chuyển đổi số”",
        "Báo Bắc Ninh số 4215 - trang 3.pdf", "application/pdf", pdf("Bao Bac Ninh so 4215 - trang 3"),
        Instant.parse("2026-10-16T00:00:00Z"));
    approved.add(pdf);
    s.flush();
    return new Ids(approved, pending, rejected, suggested, pdf, firstVideo);
  }

  /** Adds evidence whose title, URL and file name are hostile; returns its id. */
  public long addHostile() {
    return db.inTransaction(s -> {
      PlanItem ii2 = s.createSelectionQuery("from PlanItem i where i.code = 'II.2'", PlanItem.class).getSingleResult();
      Unit u = s.createSelectionQuery("from Unit u where u.code = 'SKHCN'", Unit.class).getSingleResult();
      return upload(s, u, ii2, 5, "<script>alert('x')</script> Infographic \"Luật CĐS\" & <b>10 điểm mới</b>",
          "../../..\\etc/passwd<img src=x>.png", "image/png", screenshot("Infographic 2D: 10 điểm mới của Luật CĐS", 0, 0, 0),
          Instant.parse("2026-10-20T03:00:00Z"));
    });
  }

  private PlanItem item(Session s, Plan plan, int pos, String code, String title, Unit lead, String timing, LocalDate due) {
    PlanItem i = new PlanItem(plan, code, title, plan.getCreatedAt());
    i.setPosition(pos);
    i.setLead(lead);
    i.setTiming(timing);
    i.setDeadline(due);
    plan.getItems().add(i);
    s.persist(i);
    return i;
  }

  private static void target(Session s, PlanItem item, int pos, int component, String description, int count,
      Duration min, Duration max) {
    PlanTarget t = new PlanTarget(item, pos, component, description, count);
    t.setMinDuration(min);
    t.setMaxDuration(max);
    item.getTargets().add(t);
    s.persist(t);
  }

  private long article(Session s, Channel ch, PlanItem item, String title, String url, Instant postedAt, String status,
      String linkState) {
    Post p = new Post(ch, url.replaceAll("\\D+", ""), "article", url, url, postedAt.plusSeconds(3600));
    p.setTitle(title);
    p.setPostedAt(postedAt);
    p.setPostedAtText(vn.minhchung.review.export.DossierText.minute(postedAt));
    s.persist(p);
    Capture c = capture(s, p, ch, url, title, postedAt, null, 0);
    return evidence(s, 1, "harvested", title, url, postedAt, p, c, ch.getUnit(), ch, item, status, linkState);
  }

  private long video(Session s, Channel ch, PlanItem item, int n, String title, Instant postedAt, int seconds,
      long reactions, String status, String linkState) {
    String url = "https://www.facebook.com/truyenthongbacninh/videos/10" + (22000000 + n);
    Post p = new Post(ch, "10" + (22000000 + n), "video", url, url, postedAt.plusSeconds(600));
    p.setTitle(title);
    p.setPostedAt(postedAt);
    p.setDurationSeconds(seconds);
    p.setPostedAtText(n + " tháng 10 lúc 19:00");
    if (n == 3) {
      p.setFlags("duration_out_of_spec");
    }
    s.persist(p);
    s.persist(new MetricSnapshot(p, null, postedAt.plusSeconds(86400), reactions / 2, 12L, 5L, 4000L, null));
    s.persist(new MetricSnapshot(p, null, NOW.minusSeconds(3600), reactions, 56L + n, 78L + n, 12500L + n, null));
    Capture c = capture(s, p, ch, url, title, postedAt, reactions, n);
    return evidence(s, 2, "harvested", title, url, postedAt, p, c, ch.getUnit(), ch, item, status, linkState);
  }

  private long upload(Session s, Unit unit, PlanItem item, int component, String title, String fileName, String type,
      byte[] bytes, Instant occurred) {
    BlobRef ref = blobs.put(bytes, type);
    BlobStore.record(s, ref, NOW);
    Evidence e = new Evidence(component, "uploaded", title, occurred.plusSeconds(86400));
    e.setUnit(unit);
    e.setOccurredAt(occurred);
    e.setBlobSha(ref.sha256());
    e.setFileName(fileName);
    e.setMediaType(type);
    e.setCreatedBy("thu.nguyen");
    s.persist(e);
    AuditLog.append(s, occurred.plusSeconds(86400), "thu.nguyen", "evidence.upload", "evidence", e.getId().toString(),
        null, "{\"file\":\"" + ref.sha256() + "\"}");
    return review(s, e, item, "approved", "confirmed");
  }

  private Capture capture(Session s, Post p, Channel ch, String url, String title, Instant postedAt, Long reactions, int n) {
    Instant at = postedAt.plusSeconds(7200);
    Capture c = new Capture(url, at, "ok");
    c.setPost(p);
    c.setChannel(ch);
    c.setFinalUrl(url);
    c.setScreenshotSha(put(s, screenshot(title, reactions == null ? 0 : reactions, n, at.getEpochSecond()), "image/png"));
    c.setFullpageSha(put(s, screenshot("Toàn trang: " + title, 0, n, at.getEpochSecond() + 1), "image/png"));
    String html = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
        + title + "</h1></body></html>";
    c.setHtmlSha(put(s, html.getBytes(StandardCharsets.UTF_8), "text/html"));
    c.setWarcSha(put(s, gzip(("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + url + "\r\nContent-Length: "
        + html.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + html + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)),
        "application/warc"));
    c.setJsonSha(put(s, ("{\"url\":\"" + url + "\",\"channel\":\"" + ch.getCode() + "\",\"capturedAt\":\"" + at + "\",\"postedAt\":\""
        + postedAt + "\"}").getBytes(StandardCharsets.UTF_8), "application/json"));
    c.setPostedAtText(p.getPostedAtText());
    c.setCountsJson(reactions == null ? null : "{\"reactions\":" + reactions + "}");
    c.setBrowserVersion("Chromium 142");
    c.setToolVersion("harvester 0.1.0");
    c.setViewport("1280x900");
    s.persist(c);
    return c;
  }

  private long evidence(Session s, int component, String source, String title, String url, Instant occurred, Post p,
      Capture c, Unit u, Channel ch, PlanItem item, String status, String linkState) {
    Evidence e = new Evidence(component, source, title, occurred.plusSeconds(3600));
    e.setUrl(url);
    e.setOccurredAt(occurred);
    e.setPost(p);
    e.setCapture(c);
    e.setUnit(u);
    e.setChannel(ch);
    s.persist(e);
    AuditLog.append(s, occurred.plusSeconds(3600), "harvester", "evidence.create", "evidence", e.getId().toString(), null,
        "{\"status\":\"pending\"}");
    return review(s, e, item, status, linkState);
  }

  private long review(Session s, Evidence e, PlanItem item, String status, String linkState) {
    Instant at = e.getCreatedAt().plusSeconds(86400);
    EvidenceLink l = new EvidenceLink(e, item, "suggested".equals(linkState) ? "auto" : "manual", linkState, null,
        "thu.nguyen", at);
    s.persist(l);
    noise(s, at);
    if (!"pending".equals(status)) {
      e.review(status, "rejected".equals(status) ? "Không thuộc nội dung tuyên truyền Luật" : null, "thu.nguyen", at);
      AuditLog.append(s, at, "thu.nguyen", "evidence." + ("approved".equals(status) ? "approve" : "reject"), "evidence",
          e.getId().toString(), "{\"status\":\"pending\"}", "{\"status\":\"" + status + "\"}");
    }
    if ("confirmed".equals(linkState)) {
      s.flush();
      AuditLog.append(s, at.plusSeconds(30), "thu.nguyen", "evidence_link.confirm", "evidence_link", l.getId().toString(),
          null, "{\"item\":\"" + item.getCode() + "\",\"state\":\"confirmed\"}");
    }
    return e.getId();
  }

  /** An audit event about something else, so the exported events are a slice of a longer chain. */
  private void noise(Session s, Instant at) {
    auditNoise++;
    AuditLog.append(s, at, "admin", "channel.update", "channel", "FB-TTBN", null, "{\"n\":" + auditNoise + "}");
  }

  private String put(Session s, byte[] bytes, String type) {
    BlobRef ref = blobs.put(bytes, type);
    BlobStore.record(s, ref, NOW);
    return ref.sha256();
  }

  private static <T> T persist(Session s, T entity) {
    s.persist(entity);
    return entity;
  }

  /** A post screenshot as the capture draws it: a header band with time, URL and counts, then the post. */
  public static byte[] screenshot(String title, long reactions, int n, long seed) {
    BufferedImage img = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(240, 242, 245));
      g.fillRect(0, 0, 640, 420);
      g.setColor(new Color(40, 40, 40));
      g.fillRect(0, 0, 640, 44);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString("Chụp lúc 2026-10-" + String.format(Locale.ROOT, "%02d", 5 + n) + "T19:00:00+07:00 · Truyền thông tỉnh Bắc Ninh · mã " + seed, 10, 18);
      g.drawString("Lượt thích: " + reactions + " · Bình luận: " + (56 + n) + " · Chia sẻ: " + (78 + n), 10, 36);
      g.setColor(Color.WHITE);
      g.fillRoundRect(20, 60, 600, 340, 12, 12);
      g.setColor(new Color(24, 119, 242));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString("Truyền thông tỉnh Bắc Ninh", 40, 90);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString(title.length() > 70 ? title.substring(0, 70) + "…" : title, 40, 118);
      g.setColor(new Color((int) (seed * 37 % 200), 90 + n * 20 % 120, 140));
      g.fillRect(40, 135, 560, 215);
      g.setColor(Color.WHITE);
      g.fillPolygon(new int[] {300, 300, 345}, new int[] {215, 275, 245}, 3);
      g.setColor(Color.GRAY);
      g.drawString(reactions + " lượt thích    " + (56 + n) + " bình luận    " + (78 + n) + " lượt chia sẻ", 40, 380);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A one-page PDF with a line of text, with a correct cross-reference table. */
  public static byte[] pdf(String text) {
    String stream = "BT /F1 18 Tf 72 760 Td (" + text + ") Tj ET";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>");
    StringBuilder b = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(b.length());
      b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = b.length();
    b.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> b.append(String.format(Locale.ROOT, "%010d 00000 n \n", o)));
    b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
