package vn.minhchung.harvester.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.minhchung.config.text.VietnameseDates;

class ArticleExtractorTest {
  private static final String BASE = "https://baobacninhtv.vn";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);

  private static ExtractedArticle extract(String fixture, String path) {
    return ArticleExtractor.extract(Fixtures.text(fixture, BASE), URI.create(BASE + path), CLOCK);
  }

  @Test
  void readsAProvincialPaperArticleWithJsonLdDateAndViews() {
    ExtractedArticle a = extract("baobacninh-article-431102-2026-11-19.html",
        "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg?utm_source=rss");
    assertThat(a.layout()).isEqualTo("bbg");
    assertThat(a.canonicalUrl())
        .isEqualTo(BASE + "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg");
    assertThat(a.title()).isEqualTo("Bắc Ninh triển khai Luật Chuyển đổi số đến từng xã, phường");
    assertThat(a.lead()).startsWith("Sáng 19/11, Sở Khoa học và Công nghệ tổ chức hội nghị");
    assertThat(a.body()).contains("Luật Chuyển đổi số có hiệu lực từ ngày 01/7/2026")
        .doesNotContain("Tin liên quan").doesNotContain("Sáng 19/11");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(a.postedAtText()).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(a.postedAtSource()).isEqualTo("json-ld");
    assertThat(a.views()).isEqualTo(1234L);
    assertThat(a.author()).isEqualTo("Nguyễn Thu Hà");
    assertThat(a.section()).isEqualTo("Chuyển đổi số");
    assertThat(a.images()).containsExactly(BASE + "/uploads/2026/11/cds-xa.jpg", BASE + "/uploads/2026/11/hoi-nghi-cds.jpg");
    assertThat(a.flags()).isEmpty();
  }

  @Test
  void readsTheDateOfAPortalFromVisibleTextAndIgnoresTheVisitCounter() {
    ExtractedArticle a = ArticleExtractor.extract(Fixtures.text("sokhcn-gov-article-2026-11-19.html", BASE),
        URI.create("https://sokhcn.bacninh.gov.vn/tin-tuc/chuyen-doi-so/hoi-nghi.html"), CLOCK);
    assertThat(a.layout()).isEqualTo("portal");
    assertThat(a.title()).isEqualTo("Hội nghị tuyên truyền Luật Chuyển đổi số năm 2026");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-11-19T14:20:00+07:00");
    assertThat(a.postedAtText()).isEqualTo("Ngày đăng: 19/11/2026 14:20");
    assertThat(a.postedAtSource()).isEqualTo("text");
    assertThat(a.views()).isEqualTo(1234L);
    assertThat(a.lead()).startsWith("Ngày 19/11/2026, Sở Khoa học và Công nghệ");
    assertThat(a.section()).isEqualTo("Chuyển đổi số");
    assertThat(a.canonicalUrl()).isEqualTo("https://sokhcn.bacninh.gov.vn/tin-tuc/chuyen-doi-so/hoi-nghi.html");
  }

  @Test
  void readsVisibleVietnameseDateAndShortFormViews() {
    ExtractedArticle a = extract("baobacninh-article-431050-2026-11-18.html", "/xa-dong-tien-postid431050.bbg");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-11-18T16:45:00+07:00");
    assertThat(a.postedAtText()).isEqualTo("Thứ Tư, 18/11/2026 - 16:45");
    assertThat(a.views()).isEqualTo(2500L);
  }

  @Test
  void readsCmsBodyLayoutTimeElementAndDropsTrackingFromOgUrl() {
    ExtractedArticle a = extract("cms-body-article-2026-11-21.html", "/thanh-hoa-post2211.html");
    assertThat(a.layout()).isEqualTo("cms-body");
    assertThat(a.canonicalUrl()).isEqualTo(BASE + "/thanh-hoa-100-co-quan-treo-banner-post2211.html");
    assertThat(a.title()).isEqualTo("Thanh Hóa: 100% cơ quan treo banner Ngày Chuyển đổi số quốc gia");
    assertThat(a.lead()).startsWith("Các sở, ban, ngành đã đăng banner");
    assertThat(a.body()).isEqualTo("Theo Công văn của UBND tỉnh, các cơ quan phải duy trì banner trong suốt thời gian diễn ra sự kiện.");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-10-05T07:15:00+07:00");
    assertThat(a.postedAtSource()).isEqualTo("time");
    assertThat(a.author()).isEqualTo("Lê Hằng");
    assertThat(a.views()).isNull();
  }

  @Test
  void aPageWithoutADateHasNoPostedAtAndIsFlaggedNeverNow() {
    ExtractedArticle a = extract("afcbc-article-no-date-2026-11-20.html", "/kinh-bac-tro-ly-ao.html");
    assertThat(a.layout()).isEqualTo("afcbc");
    assertThat(a.postedAt()).isNull();
    assertThat(a.postedAtText()).isNull();
    assertThat(a.flags()).containsExactly("no_date");
    assertThat(a.title()).isEqualTo("Phường Kinh Bắc ra mắt trợ lý ảo hỗ trợ thủ tục hành chính");
  }

  @Test
  void aDateInTheFutureIsKeptAndFlagged() {
    ExtractedArticle a = extract("future-date-article-2026-11-20.html", "/lich-phat-song.html");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2027-01-05T08:00:00+07:00");
    assertThat(a.flags()).containsExactly("future_date");
    assertThat(a.layout()).isEqualTo("generic");
  }

  @Test
  void brokenHtmlStillGivesTitleDateAndViewsWithoutScripts() {
    ExtractedArticle a = extract("broken-html-2026-11-20.html", "/tin-van.html");
    assertThat(a.title()).startsWith("Tin vắn: Bắc Ninh đạt 92% hồ sơ trực tuyến");
    assertThat(a.body()).contains("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 92%.").doesNotContain("alert");
    assertThat(a.views()).isEqualTo(3210L);
  }

  @Test
  void aClockTimeRightBeforeTheViewsLabelIsNotTheCount() {
    String html = "<html><head><title>Bắc Ninh ra mắt Tổ công nghệ số cộng đồng</title></head><body><article>"
        + "<h1>Bắc Ninh ra mắt Tổ công nghệ số cộng đồng</h1>"
        + "<div class=\"meta\">Thứ Bảy, 07/11/2026 08:30 Lượt xem: 1.234</div>"
        + "<p>Sáng 7/11, UBND tỉnh tổ chức ra mắt mô hình Tổ công nghệ số cộng đồng tại 126 xã, phường.</p>"
        + "<p>Mỗi tổ hướng dẫn người dân cài đặt VNeID và sử dụng dịch vụ công trực tuyến.</p>"
        + "</article></body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html, URI.create("https://baobacninh.vn/tin/to-cong-nghe-so.html"),
        CLOCK);
    assertThat(a.views()).isEqualTo(1234L);
  }

  @Test
  void countBeforeTheLabelIsReadWhenNoLabelFirstFormExists() {
    String html = "<html><body><article><h1>Hội nghị chuyển đổi số</h1>"
        + "<p>Đăng lúc 14:05 · 2.500 lượt xem</p><p>Nội dung hội nghị triển khai Luật Chuyển đổi số.</p>"
        + "</article></body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html, URI.create("https://baobacninh.vn/tin/hoi-nghi.html"), CLOCK);
    assertThat(a.views()).isEqualTo(2500L);
  }

  @Test
  void decodesAWindows1258PageFromBytes() {
    ExtractedArticle a = ArticleExtractor.extract(Fixtures.raw("windows-1258-article-2026-11-10.html"),
        URI.create("http://luongtai.bacninh.gov.vn/tin/1.html"), CLOCK);
    assertThat(a.title()).isEqualTo("Huyện Lương Tài đẩy mạnh chuyển đổi số");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-11-10T09:15:00+07:00");
    assertThat(a.views()).isEqualTo(456L);
    assertThat(a.body()).startsWith("Ủy ban nhân dân huyện");
  }

  @Test
  void aScriptInTheTitleIsText() {
    String html = "<html><head><title>x</title></head><body><h1>&lt;script&gt;alert(1)&lt;/script&gt; Tin</h1>"
        + "<article><p>Nội dung</p></article></body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), URI.create(BASE + "/x"), CLOCK);
    assertThat(a.title()).isEqualTo("<script>alert(1)</script> Tin");
    assertThat(a.flags()).containsExactly("no_date");
  }

  @Test
  void aCanonicalThatIsTheSiteRootIsIgnored() {
    String html = "<html lang=vi><head><link rel=canonical href='https://bacninh.gov.vn/'></head><body>"
        + "<h1>Tin</h1></body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html, URI.create("https://bacninh.gov.vn/tin-tuc/hoi-nghi.html"), CLOCK);
    assertThat(a.canonicalUrl()).isEqualTo("https://bacninh.gov.vn/tin-tuc/hoi-nghi.html");
  }

  @Test
  void aSiteNameHeadingGivesWayToTheOgTitle() {
    String html = "<html lang=vi><head><title>Xã Đông Tiến số hóa hồ sơ - Cổng thông tin điện tử tỉnh Bắc Ninh</title>"
        + "<meta property='og:title' content='Xã Đông Tiến số hóa hồ sơ'></head><body>"
        + "<h1>Cổng thông tin điện tử tỉnh Bắc Ninh</h1><div class=title-news>Xã Đông Tiến số hóa hồ sơ</div>"
        + "</body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html, URI.create("https://bacninh.gov.vn/tin/1.html"), CLOCK);
    assertThat(a.title()).isEqualTo("Xã Đông Tiến số hóa hồ sơ");
  }

  @Test
  void conflictingDatesAreFlaggedAndNoDateIsGiven() {
    String html = "<html lang=vi><body><h1>Hội nghị</h1><div class=post-meta>09/11/2026 08:30</div>"
        + "<div class=event>Thời gian: 18/11/2026</div></body></html>";
    ExtractedArticle a = ArticleExtractor.extract(html, URI.create("https://bacninh.gov.vn/tin/2.html"), CLOCK);
    assertThat(a.postedAt()).isNull();
    assertThat(a.flags()).containsExactlyInAnyOrder("no_date", "date_conflict");
  }
}
