package vn.minhchung.harvester.capture.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.text.VietnameseCounts;
import org.junit.jupiter.api.Test;

class FacebookPageParserTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);
  static final URI PAGE = URI.create("https://www.facebook.com/sotttthoabinh");

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = FacebookPageParserTest.class.getResourceAsStream("/fixtures/capture/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void readsTopLevelPostsWithVietnameseDatesAndCounts() throws IOException {
    List<BrowserPost> posts = FacebookPageParser.parse(fixture("facebook-page-2026-11-20.html"), PAGE, CLOCK);

    assertThat(posts).hasSize(3);
    BrowserPost first = posts.get(0);
    assertThat(first.platformId()).isEqualTo("pfbid0AbCdEf123");
    assertThat(first.url()).isEqualTo("https://www.facebook.com/sotttthoabinh/posts/pfbid0AbCdEf123");
    assertThat(first.postedAtText()).isEqualTo("2 giờ");
    assertThat(first.postedAt()).contains(OffsetDateTime.parse("2026-11-20T08:00+07:00"));
    assertThat(first.text()).isEqualTo("Hướng dẫn cài đặt và kích hoạt tài khoản định danh điện tử mức 2 trên ứng dụng VNeID.");
    assertThat(first.counts()).as("2,5 N is 2,500–2,599; the others are exact").isEqualTo(Map.of(
        "reactions", new VietnameseCounts.Range(2_500L, 2_599L), "comments", new VietnameseCounts.Range(1_234L, 1_234L),
        "shares", new VietnameseCounts.Range(78L, 78L)));
    assertThat(first.shown().counts()).containsEntry("reactions", "2,5 N");

    BrowserPost video = posts.get(1);
    assertThat(video.platformId()).isEqualTo("1029384756");
    assertThat(video.postedAt()).contains(OffsetDateTime.parse("2026-11-14T08:30+07:00"));
    assertThat(video.counts()).isEqualTo(Map.of("reactions", new VietnameseCounts.Range(1_200_000L, 1_299_999L),
        "comments", new VietnameseCounts.Range(12L, 12L), "shares", new VietnameseCounts.Range(3L, 3L),
        "views", new VietnameseCounts.Range(45_000L, 45_999L)));
    assertThat(video.durationSeconds()).as("the player shows 0:00 / 7:32").isEqualTo(452);
    assertThat(first.durationSeconds()).isNull();

    BrowserPost third = posts.get(2);
    assertThat(third.platformId()).isEqualTo("pfbid0XyZ987");
    assertThat(third.postedAt()).contains(OffsetDateTime.parse("2026-11-19T21:05+07:00"));
    assertThat(third.counts()).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "<span>7:32</span>|452", "<span>0:00 / 7:32</span>|452", "<span>0:12&nbsp;/&nbsp;1:02:05</span>|3725",
      "<span>Xem 7:32</span>|", "<a href='/x/videos/1'><span>7:32</span></a>|", "<span>14:30 hôm nay</span>|"})
  void readsTheDurationAVideoPlayerShows(String player, Integer seconds) {
    String html = "<div aria-posinset='1' role='article'><span><a href='/trang/videos/42'>3 giờ</a></span>"
        + "<div aria-label='Trình phát video'><video></video>" + player + "</div></div>";
    List<BrowserPost> posts = FacebookPageParser.parse(html.getBytes(StandardCharsets.UTF_8), PAGE, CLOCK);
    assertThat(posts).singleElement().extracting(BrowserPost::durationSeconds).isEqualTo(seconds);
  }

  @Test
  void commentDatesAndCountsDoNotLeakIntoThePost() throws IOException {
    BrowserPost first = FacebookPageParser.parse(fixture("facebook-page-2026-11-20.html"), PAGE, CLOCK).get(0);

    assertThat(first.postedAtText()).isEqualTo("2 giờ");
    assertThat(first.text()).doesNotContain("hay quá");
  }

  @Test
  void factsOfOnePostElement() throws IOException {
    String html = new String(fixture("facebook-post-2026-11-20.html"), StandardCharsets.UTF_8);
    String article = org.jsoup.Jsoup.parse(html).selectFirst("[aria-posinset]").outerHtml();

    var facts = FacebookPageParser.facts(article);

    assertThat(facts.postedAtText()).contains("Hôm qua lúc 10:30");
    assertThat(facts.counts()).containsExactly(Map.entry("reactions", "1,2K"), Map.entry("comments", "345"),
        Map.entry("shares", "56"));
  }

  @Test
  void countsInAdjacentInlineSpansStayApart() {
    // The reactions count and "6 bình luận" sit in sibling spans with no whitespace between them, as Facebook and
    // the demo Fanpage write them; their texts must not run together into "3186 bình luận".
    String article = "<div role=\"article\" aria-posinset=\"2\"><a href=\"/sokhcnbacninh/posts/pfbid02x\">"
        + "6 ngày</a><div data-ad-preview=\"message\">📢 Thông báo tuyển chọn nhiệm vụ khoa học năm 2027</div>"
        + "<div class=\"counts\"><span><span>Tất cả cảm xúc:</span> <span>318</span></span><span>"
        + "<span>6 bình luận</span><span>21 lượt chia sẻ</span></span></div></div>";

    var facts = FacebookPageParser.facts(article);

    assertThat(facts.counts()).containsExactly(Map.entry("reactions", "318"), Map.entry("comments", "6"),
        Map.entry("shares", "21"));
  }

  @Test
  void hostileMarkupYieldsNoPosts() {
    byte[] html = ("<div role=article><a href=\"javascript:alert(1)//posts/x\"><script>alert(1)</script></a></div>"
        + "<div aria-posinset=1><a href='/posts/'>   </a></div>").getBytes(StandardCharsets.UTF_8);

    assertThat(FacebookPageParser.parse(html, PAGE, CLOCK)).isEmpty();
  }
}
