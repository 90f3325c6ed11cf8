package vn.minhchung.harvester.connector.web.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ArticleDatesTest {
  private static final URI VN = URI.create("https://baobacninhtv.vn/tin-postid1.bbg");

  private static DateFindings read(String html, URI url) {
    Document doc = Jsoup.parse(html, url.toString());
    PageParts parts = PageParts.of(doc);
    return ArticleDates.read(doc, parts, url, doc.selectFirst("h1"), ArticleDates.jsonLd(parts),
        doc.body().text());
  }

  @Test
  void aUtcInstantNearMidnightIsTheVietnameseDayOfAVietnamesePage() {
    DateFindings d = read("<html lang=vi><head><meta property='article:published_time' "
        + "content='2026-11-08T17:49:09Z'></head><body><h1>Tin</h1></body></html>", VN);
    assertThat(d.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(d.posted().orElseThrow().instant()).isEqualTo(Instant.parse("2026-11-08T17:49:09Z"));
    assertThat(d.posted().orElseThrow().instant().atZone(d.zone()).toLocalDate()).hasToString("2026-11-09");
  }

  @Test
  void readsJsonLdWithCommentsTrailingCommasSingleQuotesAndGraph() {
    String page = "<html lang=vi><head><script type='application/ld+json'>{ // CMS\n"
        + "'@graph': [{'@type': 'ItemList', 'itemListElement': [{'datePublished': '2026-10-01T08:00:00+07:00'}]},"
        + " {'@type': 'NewsArticle', 'datePublished': '2026-11-09T08:49:09+07:00', 'dateModified': "
        + "'2026-11-10T09:00:00+07:00',},],}</script></head><body><h1>Tin</h1></body></html>";
    DateFindings d = read(page, VN);
    assertThat(d.posted().orElseThrow().text()).isEqualTo("2026-11-09T08:49:09+07:00");
    assertThat(d.posted().orElseThrow().source()).isEqualTo("json-ld");
    assertThat(d.modified().orElseThrow().text()).isEqualTo("2026-11-10T09:00:00+07:00");
  }

  @Test
  void aBlockJacksonCannotReadStillGivesItsDateByPattern() {
    String page = "<html lang=vi><head><script type='application/ld+json'>{\"headline\":\"Tin \"nóng\"\","
        + "\"datePublished\":\"2026-11-09T08:49:09+07:00\" \"author\":}</script></head><body><h1>x</h1></body></html>";
    assertThat(read(page, VN).posted().orElseThrow().source()).isEqualTo("json-ld");
  }

  @Test
  void sidebarsCommentsEmbedsAndTheHeaderClockAreNotRead() {
    String page = "<html lang=vi><body><header><span class=current-date>Thứ Tư, 02/12/2026</span></header>"
        + "<article><h1>Tin chính</h1><div class=post-meta>Thứ Hai, 09/11/2026 08:30</div>"
        + "<blockquote class=twitter-tweet>November 1, 2026</blockquote><p>Nội dung.</p></article>"
        + "<aside><ul><li><a>Tin khác</a> <span class=date>01/11/2026</span></li></ul></aside>"
        + "<div class=comments><span class=comment-time>10:00 20/11/2026</span></div></body></html>";
    DateFindings d = read(page, VN);
    assertThat(d.posted().orElseThrow().text()).isEqualTo("Thứ Hai, 09/11/2026 08:30");
    assertThat(d.candidates()).extracting(DateCandidate::text).containsExactly("Thứ Hai, 09/11/2026 08:30");
  }

  @Test
  void twoDatesByTheHeadlineDaysApartWithoutAStrongSourceGiveNoDateAndAProblem() {
    String page = "<html lang=vi><body><h1>Hội nghị</h1><div class=post-meta>09/11/2026 08:30</div>"
        + "<div class=event>Thời gian: 18/11/2026</div><p>Nội dung.</p></body></html>";
    DateFindings d = read(page, VN);
    assertThat(d.posted()).isEmpty();
    assertThat(d.problem().orElseThrow()).contains("không khớp").contains("2026-11-09").contains("2026-11-18");
  }

  @Test
  void aModifiedDateIsNeverThePublishedOne() {
    DateFindings d = read("<html lang=vi><head><meta property='article:modified_time' "
        + "content='2026-11-10T09:00:00+07:00'></head><body><h1>Tin</h1><p>Nội dung bài viết.</p></body></html>", VN);
    assertThat(d.posted()).isEmpty();
    assertThat(d.modified().orElseThrow().source()).isEqualTo("meta");
  }

  @Test
  void aMonthFirstPageIsReadMonthFirstByItsOtherDates() {
    String page = "<html lang=en><body><h1>Council</h1><p class=byline>Published 11/01/2023</p>"
        + "<ul><li>Hearing set for 11/28/2023</li></ul></body></html>";
    DateFindings d = read(page, URI.create("https://news.example.com/council"));
    assertThat(d.monthFirst()).isTrue();
    assertThat(d.posted().orElseThrow().instant().atZone(d.zone()).toLocalDate()).hasToString("2023-11-01");
  }

  @Test
  void aVietnamesePageIsAlwaysDayFirst() {
    String page = "<html lang=vi><body><h1>Tin</h1><div class=date>11/01/2023</div><p>Hạn 11/28/2023</p></body></html>";
    DateFindings d = read(page, VN);
    assertThat(d.monthFirst()).isFalse();
    assertThat(d.posted().orElseThrow().instant().atZone(d.zone()).toLocalDate()).hasToString("2023-01-11");
  }

  @Test
  void theUrlDateIsALowConfidenceLastResort() {
    DateFindings d = read("<html><body><h1>Notes</h1></body></html>",
        URI.create("https://blog.example.org/posts/notes-20261109.html"));
    assertThat(d.posted().orElseThrow().source()).isEqualTo("url");
    assertThat(d.posted().orElseThrow().confidence()).isEqualTo(0.3);
  }

  @Test
  void theZoneComesFromAWrittenOffsetThenLangThenTheDomain() {
    assertThat(PageZone.decide("de", URI.create("https://x.com/a"), java.util.Optional.empty()).zone())
        .isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(PageZone.decide("en", URI.create("https://x.vn/a"), java.util.Optional.empty()).zone())
        .isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(PageZone.decide("en-GB", URI.create("https://x.vn/a"), java.util.Optional.empty()).zone())
        .isEqualTo(ZoneId.of("Europe/London"));
    assertThat(PageZone.decide("en", URI.create("https://x.com/a"),
        java.util.Optional.of(java.time.OffsetDateTime.parse("2026-11-09T08:00:00-05:00"))).zone())
        .isEqualTo(java.time.ZoneOffset.ofHours(-5));
  }

  @Test
  void whenJsonLdAndMetaDisagreeTheOneAnotherSourceConfirmsWins() {
    String page = "<html lang=vi><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        + "\"datePublished\":\"2020-01-01T00:00:00+07:00\"}</script><meta property='article:published_time' "
        + "content='2026-11-09T08:30:00+07:00'></head><body><h1>Tin</h1><div class=date>09/11/2026 08:30</div>"
        + "</body></html>";
    DateFindings d = read(page, VN);
    assertThat(d.posted().orElseThrow().source()).isEqualTo("meta");
    assertThat(d.posted().orElseThrow().text()).isEqualTo("2026-11-09T08:30:00+07:00");
  }
}
