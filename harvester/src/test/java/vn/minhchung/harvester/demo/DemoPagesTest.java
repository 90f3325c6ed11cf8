package vn.minhchung.harvester.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.capture.social.BrowserPost;
import vn.minhchung.harvester.capture.social.FacebookPageParser;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.FakeAccess;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.harvester.connector.web.ArticleExtractor;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.spec.DurationBounds;
import vn.minhchung.harvester.connector.youtube.YouTubePageParser;
import vn.minhchung.harvester.connector.youtube.YouTubePageParser.WatchPage;
import vn.minhchung.review.web.Fmt;
import vn.minhchung.harvester.connector.web.ExtractedArticle;

/** The pages the demo's captures screenshot carry the date and counts the readers of real pages expect. */
@Timeout(60)
class DemoPagesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static DemoSites sites;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    sites = DemoSites.start(0, CLOCK);
  }

  @AfterAll
  static void stop() {
    sites.close();
  }

  private static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void fanpagePostShowsTheDateAndCountsAsFacebookDoes() throws Exception {
    String id = sites.facebookPageId() + "_1187465230912001";
    URI uri = sites.facebookUrl().resolve("/fb/posts/" + id);
    HttpResponse<byte[]> r = get(uri);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    List<BrowserPost> posts = FacebookPageParser.parse(r.body(), uri, CLOCK);
    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.platformId()).isEqualTo(id);
      assertThat(p.postedAtText()).isEqualTo("8 tháng 11 lúc 19:05");
      assertThat(p.postedAt()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2026-11-08T19:05+07:00"));
      assertThat(p.shown().counts()).containsEntry("reactions", "1,7K").containsEntry("comments", "91")
          .containsEntry("shares", "266");
      assertThat(p.text()).startsWith("📢 TRIỂN KHAI LUẬT CHUYỂN ĐỔI SỐ");
    });
  }

  @Test
  void fanpageWallListsEveryPostNewestFirst() throws Exception {
    URI uri = sites.facebookUrl().resolve("/fb/truyenthongtinhbacninh");
    List<BrowserPost> posts = FacebookPageParser.parse(get(uri).body(), uri, CLOCK);
    assertThat(posts).hasSize(11);
    assertThat(posts.get(0).postedAtText()).isEqualTo("5 giờ");
    assertThat(posts.get(1).postedAtText()).isEqualTo("29 tháng 11 lúc 21:00");
  }

  @Test
  void articlePageHasAVietnameseDateAndViews() throws Exception {
    URI uri = sites.newspaperUrl().resolve("/cong-bo-bo-chi-so-danh-gia-muc-do-chuyen-doi-so-cap-xa-postid431655.bbg");
    ExtractedArticle a = ArticleExtractor.extract(get(uri).body(), uri, CLOCK);
    assertThat(a.title()).isEqualTo("Công bố bộ chỉ số đánh giá mức độ chuyển đổi số cấp xã năm 2026");
    assertThat(a.postedAtText()).isEqualTo("Thứ Bảy, 28/11/2026 17:40");
    assertThat(VietnameseDates.isoLocal(a.postedAt())).isEqualTo("2026-11-28T17:40:00+07:00");
    assertThat(a.views()).isEqualTo(780 + 154);
    assertThat(a.section()).isEqualTo("Chuyển đổi số");
    assertThat(a.body()).contains("Nền tảng thống kê").doesNotContain("Tin liên quan");
  }

  @Test
  void portalHomeShowsTheBanner() throws Exception {
    String html = new String(get(sites.portalUrl()).body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html).contains("alt=\"Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10\"");
    assertThat(get(sites.portalUrl().resolve(PortalSite.BANNER)).statusCode()).isEqualTo(200);
  }

  @Test
  void watchAndZaloPagesShowDateAndCounts() throws Exception {
    String watch = new String(get(sites.youtubeUrl().resolve("/watch?v=bN7pS1kQ3xA")).body(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(watch).contains("Phóng sự: Bắc Ninh đưa Luật Chuyển đổi số vào cuộc sống", "Ngày công chiếu: 10/11/2026",
        "9.440 lượt xem", "7:12");
    String zalo = new String(get(sites.zaloUrl().resolve("/oa/article/a7c31e90b2d44f01")).body(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(zalo).contains("09/11/2026 09:00", "6.623 lượt xem", "Chính quyền số tỉnh Bắc Ninh");
    assertThat(get(sites.youtubeUrl().resolve("/watch?v=nope")).statusCode()).isEqualTo(404);
  }

  @Test
  void youtubePagesCarryTheMarkersTheKeylessHarvestReads() throws Exception {
    URI channel = sites.youtubeUrl().resolve("/@thongtindoingoaibacninh");
    assertThat(YouTubePageParser.parseChannel(get(channel).body(), channel, CLOCK).channelId())
        .isEqualTo("UCbN7tTdN2xQ4kL9mR3vS8wA");
    URI uri = sites.youtubeUrl().resolve("/watch?v=bN7pS1kQ3xA");
    String html = new String(get(uri).body(), java.nio.charset.StandardCharsets.UTF_8);
    WatchPage w = YouTubePageParser.parseWatch(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), uri, CLOCK);
    assertThat(w.videoId()).isEqualTo("bN7pS1kQ3xA");
    assertThat(w.durationSeconds()).isEqualTo(7 * 60 + 12);
    assertThat(VietnameseDates.isoLocal(w.publishedAt())).isEqualTo("2026-11-10T19:00:00+07:00");
    assertThat(html).as("the data says what the page shows").contains(Fmt.number(w.views()) + " lượt xem");
    assertThat(w.likes()).isNotNull();
    assertThat(w.comments()).isNotNull();
  }

  @Test
  void demoChannelCanBeHarvestedWithoutAKeyByItsHandle(@TempDir Path dir) throws Exception {
    Map<String, String> m = new HashMap<>(sites.settingsOverrides());
    m.remove("platforms.youtube.apiKey");
    m.put("platforms.youtube.pageBaseUrl", sites.youtubeUrl().toString());
    Settings settings = Settings.of(dir, m);
    HttpFetcher http = new HttpFetcher(settings, d -> { }, CLOCK);
    YouTubeConnector keyless = new YouTubeConnector(http, new PoliteFetcher(http, settings, d -> { }, CLOCK),
        new YouTubeQuota.InMemory(), id -> List.of(new DurationBounds(300, 600, "phóng sự 5–10 phút")),
        FakeAccess.none());
    RecordingContext ctx = new RecordingContext(CLOCK, settings, NOW.minus(Duration.ofDays(30)), List.of());
    ChannelSpec channel = new ChannelSpec(1, DemoRegistry.YOUTUBE, "TTUD-KHCN2", ChannelKind.YOUTUBE_CHANNEL,
        "Trang Thông tin đối ngoại tỉnh Bắc Ninh", "https://www.youtube.com/@thongtindoingoaibacninh",
        Optional.empty(), Map.of("via", "feed"));

    keyless.harvest(channel, ctx);

    assertThat(ctx.problems).isEmpty();
    assertThat(ctx.post("bN7pS1kQ3xA")).hasValueSatisfying(p -> {
      assertThat(p.durationSeconds()).isEqualTo(7 * 60 + 12);
      assertThat(p.flags()).isEmpty();
      assertThat(p.counts().comments()).isNotNull();
    });
    assertThat(ctx.accepted).allSatisfy(p -> assertThat(p.durationSeconds()).isNotNull());
  }

  @Test
  void unknownTokensGetThePlatformsErrors() throws Exception {
    HttpResponse<byte[]> fb = get(sites.facebookUrl().resolve("/v26.0/" + sites.facebookPageId()
        + "/published_posts?access_token=wrong"));
    assertThat(fb.statusCode()).isEqualTo(400);
    assertThat(new String(fb.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"code\":190");
    HttpResponse<byte[]> zalo = get(sites.zaloUrl().resolve("/v2.0/article/getslice?offset=0&limit=10&type=normal"));
    assertThat(zalo.statusCode()).isEqualTo(200);
    assertThat(new String(zalo.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"error\":-216");
  }
}
