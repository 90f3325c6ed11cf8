package vn.minhchung.review.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.queue.SearchText;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

/**
 * Writes a realistic registry and harvest straight through the entities: Bắc Ninh units and channels, plan
 * 110/KH-UBND with items II.1, II.2, II.3.1, posts about the Law on Digital Transformation, count snapshots,
 * captures with real PNG screenshots, evidence and links. Used by the progress, web and browser tests.
 */
public final class ReviewFixture {
  public static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 3);

  public final Map<String, Unit> units = new LinkedHashMap<>();
  public final Map<String, Channel> channels = new LinkedHashMap<>();
  public final Map<String, PlanItem> items = new LinkedHashMap<>();
  public final Map<String, Evidence> evidence = new LinkedHashMap<>();
  public Plan plan;
  private final Session s;
  private final BlobStore blobs;

  private ReviewFixture(Session s, BlobStore blobs) {
    this.s = s;
    this.blobs = blobs;
  }

  /** The whole fixture; evidence keys: clip1..clip5 (videos), fb-luat, fb-ngay, news-luat, stp-luat (no link), pending-fb (hostile text). */
  public static ReviewFixture build(Session s, BlobStore blobs) {
    ReviewFixture f = new ReviewFixture(s, blobs);
    f.registry();
    f.harvest();
    s.flush();
    return f;
  }

  private void registry() {
    unit("UBND-BN", "UBND tỉnh Bắc Ninh");
    unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    unit("STP", "Sở Tư pháp tỉnh Bắc Ninh");
    unit("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh");
    unit("BBN", "Báo Bắc Ninh");
    channel("FB-TTBN", "SKHCN", ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh", "https://www.facebook.com/truyenthongbacninh");
    channel("ZALO-CQS", "SKHCN", ChannelKind.ZALO_OA, "Chính quyền số tỉnh Bắc Ninh", "https://zalo.me/chinhquyensobacninh");
    channel("YT-TTDN", "SKHCN", ChannelKind.YOUTUBE_CHANNEL, "Trang Thông tin đối ngoại tỉnh Bắc Ninh", "https://www.youtube.com/@thongtindoingoaibacninh");
    channel("WEB-BBN", "BBN", ChannelKind.NEWS_SITE, "Báo Bắc Ninh điện tử", "https://baobacninh.vn/chuyen-doi-so");
    channel("FB-STP", "STP", ChannelKind.FACEBOOK_PAGE, "Sở Tư pháp Bắc Ninh", "https://www.facebook.com/sotuphapbacninh");

    plan = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh", NOW);
    plan.setIssuer("UBND tỉnh Bắc Ninh");
    plan.setIssuedOn(LocalDate.of(2026, 4, 14));
    s.persist(plan);
    PlanItem i1 = item(1, "II.1", "Quán triệt, phổ biến Luật Chuyển đổi số cho cán bộ, công chức", "SKHCN",
        "Quý II/2026", LocalDate.of(2026, 6, 30), "[\"quán triệt\", \"hội nghị\", \"tập huấn\"]");
    target(i1, 1, 6, "Lớp tập huấn có ảnh và danh sách đại biểu", 2, null, null);
    i1.setComponents("6");
    PlanItem i2 = item(2, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", "SKHCN",
        "Thường xuyên", LocalDate.of(2026, 11, 15), "[\"luật chuyển đổi số\", \"Luật CĐS\", \"148/2025/QH15\"]");
    i2.getCooperating().add(units.get("STP"));
    i2.getCooperating().add(units.get("SVHTTDL"));
    target(i2, 1, 2, "Clip phóng sự 5–10 phút", 7, Duration.ofMinutes(5), Duration.ofMinutes(10));
    target(i2, 2, 1, "Bài viết trên báo điện tử", 3, null, null);
    target(i2, 3, 3, "Bản scan báo in", 1, null, null);
    i2.setComponents("1,2,3,5");
    PlanItem i3 = item(3, "II.3.1", "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10", "SVHTTDL",
        "Tháng 10/2026", LocalDate.of(2026, 10, 10), "[\"ngày chuyển đổi số quốc gia\", \"10/10\"]");
    target(i3, 1, 5, "Infographic tĩnh 2D", 5, null, null);
    i3.setComponents("5");
  }

  private void harvest() {
    Channel yt = channels.get("YT-TTDN");
    HarvestRun ok = run(yt, at(2026, 11, 3, 6, 0), HarvestRun.Status.SUCCESS, null);
    HarvestRun failed = run(channels.get("FB-STP"), at(2026, 11, 3, 6, 5), HarvestRun.Status.FAILED,
        "Graph API trả về lỗi 190: mã truy cập đã hết hạn");
    s.persist(new RunProblem(failed, at(2026, 11, 3, 6, 5), "https://graph.facebook.com/v26.0/sotuphapbacninh/posts",
        "auth_expired", "Mã truy cập Facebook đã hết hạn; cập nhật platforms.facebook.accessToken"));
    run(channels.get("FB-STP"), at(2026, 11, 2, 6, 5), HarvestRun.Status.FAILED, "Graph API trả về lỗi 190");
    run(channels.get("FB-TTBN"), at(2026, 11, 3, 6, 2), HarvestRun.Status.SUCCESS, null);
    run(channels.get("WEB-BBN"), at(2026, 11, 3, 6, 3), HarvestRun.Status.PARTIAL, "2 bài không đọc được ngày đăng");

    String[] clipTitles = {
        "Phóng sự: Luật Chuyển đổi số đi vào cuộc sống",
        "Phóng sự: Chuyển đổi số ở xã Tiên Du",
        "Phóng sự: Doanh nghiệp Bắc Ninh với Luật Chuyển đổi số",
        "Phóng sự: Bình dân học vụ số tại phường Kinh Bắc",
        "Bản tin ngắn: Luật Chuyển đổi số có hiệu lực"};
    int[] durations = {420, 540, 330, 600, 95};
    for (int i = 0; i < clipTitles.length; i++) {
      Post p = post(yt, "yt" + (i + 1), "video", "https://www.youtube.com/watch?v=BN2026cds" + i, clipTitles[i],
          "Trang Thông tin đối ngoại tỉnh Bắc Ninh giới thiệu " + clipTitles[i].toLowerCase(java.util.Locale.ROOT),
          at(2026, 10, 1 + i * 3, 19, 30));
      p.setDurationSeconds(durations[i]);
      Evidence e = harvested("clip" + (i + 1), p, 2, ok);
      e.setStatus(i < 3 || i == 4 ? "approved" : "pending");
      link(e, "II.2", "confirmed", "auto", 0.82);
    }
    Channel fb = channels.get("FB-TTBN");
    Post fbLaw = post(fb, "pfbid0luat", "post", "https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat",
        null, "Luật Chuyển đổi số số 148/2025/QH15 có hiệu lực từ ngày 01/7/2026. Cùng tìm hiểu 5 điểm mới của Luật! #CĐS",
        at(2026, 7, 2, 8, 30));
    Evidence e1 = harvested("fb-luat", fbLaw, 2, null);
    link(e1, "II.2", "suggested", "auto", 0.74);
    Post fbDay = post(fb, "pfbid0ngay", "post", "https://www.facebook.com/truyenthongbacninh/posts/pfbid0ngay",
        null, "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2026: Bắc Ninh ra mắt bộ infographic \"Chuyển đổi số vì dân\"",
        at(2026, 10, 9, 9, 15));
    Evidence e2 = harvested("fb-ngay", fbDay, 5, null);
    e2.setStatus("approved");
    link(e2, "II.3.1", "confirmed", "manual", null);
    Post news = post(channels.get("WEB-BBN"), "bbn-1001", "article", "https://baobacninh.vn/chuyen-doi-so/luat-chuyen-doi-so-1001.html",
        "Bắc Ninh triển khai Luật Chuyển đổi số trên địa bàn tỉnh", "UBND tỉnh ban hành Kế hoạch 110/KH-UBND triển khai, thi hành Luật Chuyển đổi số.",
        at(2026, 4, 20, 7, 0));
    Evidence e3 = harvested("news-luat", news, 1, null);
    e3.setStatus("approved");
    link(e3, "II.2", "confirmed", "manual", null);
    Post stp = post(channels.get("FB-STP"), "pfbid0stp", "post", "https://www.facebook.com/sotuphapbacninh/posts/pfbid0stp",
        null, "Sở Tư pháp phổ biến Luật CĐS đến cán bộ, công chức và Nhân dân trên địa bàn tỉnh", at(2026, 8, 20, 14, 0));
    harvested("stp-luat", stp, 2, null);
    Post hostile = post(fb, "pfbid0xss", "post", "https://www.facebook.com/truyenthongbacninh/posts/pfbid0xss",
        null, "<script>alert('xss')</script> Bình luận về chuyển đổi số <b>đậm</b>", at(2026, 10, 20, 10, 0));
    harvested("pending-fb", hostile, 2, null);
  }

  /** A PNG with the burned-in header band a capture would have, so the detail page shows a real image. */
  public static byte[] png(String caption) {
    BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xF5F7FA));
    g.fillRect(0, 0, 640, 360);
    g.setColor(new Color(0x1F3A5F));
    g.fillRect(0, 0, 640, 48);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.drawString("2026-11-03T10:00:00+07:00  " + caption, 12, 30);
    g.setColor(new Color(0x333333));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString(caption, 24, 120);
    g.setColor(new Color(0x1877F2));
    g.fillRect(24, 300, 120, 32);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Evidence harvested(String key, Post p, int component, HarvestRun run) {
    BlobRef shot = blobs.put(png(p.getTitle() != null ? p.getTitle() : p.getChannel().getName()), "image/png");
    BlobStore.record(s, shot, NOW);
    BlobRef html = blobs.put(("<html><body>" + p.getUrl() + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html");
    BlobStore.record(s, html, NOW);
    Capture c = new Capture(p.getUrl(), p.getPostedAt().plus(Duration.ofHours(20)), "ok");
    c.setPost(p);
    c.setChannel(p.getChannel());
    c.setRun(run);
    c.setFinalUrl(p.getUrl());
    c.setScreenshotSha(shot.sha256());
    c.setHtmlSha(html.sha256());
    c.setPostedAtText(p.getPostedAtText());
    c.setCountsJson("{\"reactions\":1200,\"comments\":45,\"shares\":88}");
    c.setBrowserVersion("Chromium 131.0.6778.85");
    c.setToolVersion("harvester 0.1.0");
    c.setViewport("1280x900");
    s.persist(c);
    for (int d = 0; d < 4; d++) {
      s.persist(new MetricSnapshot(p, run, p.getPostedAt().plus(Duration.ofDays(d + 1)), 300L + d * 310, 10L + d * 12,
          20L + d * 22, "video".equals(p.getKind()) ? 1500L + d * 900 : null, null));
    }
    String title = p.getTitle() != null ? p.getTitle() : p.getBody().substring(0, Math.min(120, p.getBody().length()));
    Evidence e = new Evidence(component, "harvested", title, NOW);
    e.setPost(p);
    e.setCapture(c);
    e.setChannel(p.getChannel());
    e.setUnit(p.getChannel().getUnit());
    e.setUrl(p.getUrl());
    e.setOccurredAt(p.getPostedAt());
    e.setCreatedBy("harvester");
    SearchText.refresh(e);
    s.persist(e);
    evidence.put(key, e);
    return e;
  }

  public EvidenceLink link(Evidence e, String itemCode, String state, String method, Double score) {
    EvidenceLink l = new EvidenceLink(e, items.get(itemCode), method, state, score, "manual".equals(method) ? "reviewer" : "auto", NOW);
    s.persist(l);
    return l;
  }

  private Post post(Channel ch, String platformId, String kind, String url, String title, String body, Instant postedAt) {
    Post p = new Post(ch, platformId, kind, url, url, NOW);
    p.setTitle(title);
    p.setBody(body);
    p.setPostedAt(postedAt);
    p.setPostedAtText(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", java.util.Locale.ROOT)
        .format(postedAt.atZone(Settings.ZONE)));
    p.setSearchText(vn.minhchung.config.text.VietnameseText.fold(title + " " + body));
    s.persist(p);
    return p;
  }

  private HarvestRun run(Channel ch, Instant start, HarvestRun.Status status, String error) {
    HarvestRun r = new HarvestRun(ch, start, "schedule", "node-1");
    r.finish(status, start.plusSeconds(42), status == HarvestRun.Status.FAILED ? 0 : 3, 1, status == HarvestRun.Status.FAILED ? 1 : 0,
        4, 3, error);
    s.persist(r);
    return r;
  }

  private void unit(String code, String name) {
    Unit u = new Unit(code, name, NOW);
    s.persist(u);
    units.put(code, u);
  }

  private void channel(String code, String unit, ChannelKind kind, String name, String url) {
    Channel c = new Channel(code, units.get(unit), kind, name, url, NOW);
    c.setSchedule("0 0 6 * * ?");
    s.persist(c);
    channels.put(code, c);
  }

  private PlanItem item(int pos, String code, String title, String lead, String timing, LocalDate deadline, String keywords) {
    PlanItem i = new PlanItem(plan, code, title, NOW);
    i.setPosition(pos);
    i.setLead(units.get(lead));
    i.setTiming(timing);
    i.setDeadline(deadline);
    i.setKeywordsJson(keywords);
    plan.getItems().add(i);
    s.persist(i);
    items.put(code, i);
    return i;
  }

  private void target(PlanItem i, int pos, int component, String description, int count, Duration min, Duration max) {
    PlanTarget t = new PlanTarget(i, pos, component, description, count);
    t.setMinDuration(min);
    t.setMaxDuration(max);
    i.getTargets().add(t);
    s.persist(t);
  }

  private static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(Settings.ZONE).toInstant();
  }
}
