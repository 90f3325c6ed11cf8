package vn.minhchung.harvester.connector.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.NOW;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.WINDOW_START;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.FakeAccess;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Logs;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Waits;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.spec.DurationBounds;
import vn.minhchung.harvester.spec.DurationTargets;

class YouTubeConnectorTest {
  static final String KEY = "AIzaSyD-secretYouTubeKey-0123456789";
  static final String UC = "UCq8vB2xY7nL0kR3sT5uW9zA";
  static final String UU = "UUq8vB2xY7nL0kR3sT5uW9zA";
  static final ChannelSpec CHANNEL = new ChannelSpec(3, "bn-yt-skhcn", "BN-SKHCN", ChannelKind.YOUTUBE_CHANNEL,
      "Khoa học và Công nghệ Bắc Ninh", "https://www.youtube.com/channel/" + UC, Optional.of(UC), Map.of());
  /** LA midnight after NOW (19/04/2026 20:00 PDT). */
  static final Instant RESET = Instant.parse("2026-04-20T07:00:00Z");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  final Waits waits = new Waits();
  final YouTubeQuota.InMemory quota = new YouTubeQuota.InMemory();

  RecordingContext context(List<KnownPost> refresh, Map<String, String> extra) {
    Map<String, String> m = new HashMap<>(Map.of("platforms.youtube.apiBaseUrl", wm.baseUrl() + "/youtube/v3",
        "platforms.youtube.feedBaseUrl", wm.baseUrl() + "/feeds/videos.xml"));
    m.putAll(extra);
    return new RecordingContext(CLOCK, Settings.of(dir, m), WINDOW_START, refresh);
  }

  RecordingContext keyed(List<KnownPost> refresh) {
    return context(refresh, Map.of("platforms.youtube.apiKey", KEY));
  }

  /** No key anywhere; the channel and watch pages come from WireMock. */
  RecordingContext keyless(List<KnownPost> refresh) {
    return context(refresh, Map.of("platforms.youtube.pageBaseUrl", wm.baseUrl(),
        "platforms.youtube.watchBaseUrl", wm.baseUrl() + "/watch"));
  }

  YouTubeConnector connector(DurationTargets targets) {
    return connector(targets, FakeAccess.none());
  }

  YouTubeConnector connector(DurationTargets targets, FakeAccess access) {
    HttpFetcher http = waits.fetcher();
    return new YouTubeConnector(http, new PoliteFetcher(http, Settings.of(dir, Map.of()), waits.all::add, CLOCK),
        quota, targets, access);
  }

  void stubFeed() {
    wm.stubFor(get(urlPathEqualTo("/feeds/videos.xml")).withQueryParam("channel_id", equalTo(UC))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml; charset=UTF-8")
            .withBody(y("feed-2026-04-20.xml"))));
  }

  void stubWatch(String id, String body) {
    wm.stubFor(get(urlPathEqualTo("/watch")).withQueryParam("v", equalTo(id))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
  }

  static String y(String name) {
    return fixture("youtube/" + name);
  }

  void stubUploads() {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo(UU))
        .withQueryParam("pageToken", absent()).willReturn(okJson(y("playlistitems-page1-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo(UU))
        .withQueryParam("pageToken", equalTo("EAAaBlBUOkNBTQ"))
        .willReturn(okJson(y("playlistitems-page2-2026-04-20.json"))));
  }

  @Test
  void watchUrlsFollowTheConfiguredWatchBase() throws Exception {
    stubUploads();
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
        .withQueryParam("id", equalTo("dQ7vN2kLm0A,aB3cD4eF5gH,Xy9Zt8Wv7Us,Lv1Ve2St3Rm"))
        .willReturn(okJson(y("videos-2026-04-20.json"))));
    RecordingContext ctx = context(List.of(), Map.of("platforms.youtube.apiKey", KEY,
        "platforms.youtube.watchBaseUrl", wm.baseUrl() + "/watch"));

    connector(id -> List.of()).harvest(CHANNEL, ctx);

    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.url()).isEqualTo(wm.baseUrl() + "/watch?v=dQ7vN2kLm0A");
    assertThat(first.canonicalUrl()).isEqualTo(wm.baseUrl() + "/watch?v=dQ7vN2kLm0A");
  }

  @Test
  void harvestsUploadsInTheWindowWithDurationsCountsAndSpecFlags() throws Exception {
    stubUploads();
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
        .withQueryParam("id", equalTo("dQ7vN2kLm0A,aB3cD4eF5gH,Xy9Zt8Wv7Us,Lv1Ve2St3Rm"))
        .willReturn(okJson(y("videos-2026-04-20.json"))));
    RecordingContext ctx = keyed(List.of());
    DurationTargets fiveToTenMinutes = id -> List.of(new DurationBounds(300, 600, "7 phóng sự 5–10 phút"));

    connector(fiveToTenMinutes).harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::platformId)
        .containsExactly("dQ7vN2kLm0A", "aB3cD4eF5gH", "Xy9Zt8Wv7Us", "Lv1Ve2St3Rm");
    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.title()).isEqualTo("Phóng sự: Chuyển đổi số ở xã nông thôn mới 🌾");
    assertThat(first.postedAt()).isEqualTo(OffsetDateTime.parse("2026-04-16T10:00:00+07:00").toInstant());
    assertThat(first.durationSeconds()).isEqualTo(452);
    assertThat(first.counts()).isEqualTo(new Counts(null, 12L, null, 15234L, 321L));
    assertThat(first.url()).isEqualTo("https://www.youtube.com/watch?v=dQ7vN2kLm0A");
    assertThat(first.flags()).isEmpty();
    assertThat(ctx.accepted.get(1).counts()).as("likes hidden").isEqualTo(new Counts(null, 3L, null, 987L, null));
    assertThat(ctx.accepted.get(1).flags()).containsExactly("duration_out_of_spec");
    assertThat(ctx.accepted.get(2).counts()).as("no statistics at all").isEqualTo(Counts.NONE);
    assertThat(ctx.accepted.get(2).flags()).containsExactly("duration_out_of_spec");
    assertThat(ctx.accepted.get(3).durationSeconds()).isNull();
    assertThat(ctx.accepted.get(3).flags()).containsExactlyInAnyOrder("duration_unknown", "live");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    wm.verify(3, anyRequestedFor(anyUrl()).withHeader("X-goog-api-key", equalTo(KEY))
        .withQueryParam("key", absent()));
    assertThat(quota.used(NOW)).isEqualTo(3);
  }

  @Test
  void refreshesKnownOlderVideosAndMarksVanishedOnesGone() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems"))
        .willReturn(okJson(y("playlistitems-page2-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo("Lv1Ve2St3Rm,Ol4dVi5de6o,Gon3Vid3o00"))
        .willReturn(okJson(y("videos-refresh-2026-04-20.json"))));
    Instant old = Instant.parse("2026-02-01T02:00:00Z");
    RecordingContext ctx = keyed(List.of(new KnownPost("Ol4dVi5de6o", "https://www.youtube.com/watch?v=Ol4dVi5de6o",
        old, old), new KnownPost("Gon3Vid3o00", "https://www.youtube.com/watch?v=Gon3Vid3o00", old, old)));

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.post("Ol4dVi5de6o")).get().satisfies(p -> {
      assertThat(p.counts()).isEqualTo(new Counts(null, 31L, null, 40210L, 802L));
      assertThat(p.postedAt()).isEqualTo(OffsetDateTime.parse("2026-02-01T09:00:00+07:00").toInstant());
    });
    assertThat(ctx.gone).containsOnlyKeys("Gon3Vid3o00");
    assertThat(ctx.problems).singleElement().satisfies(p -> assertThat(p.reasonCode()).isEqualTo("video_unavailable"));
  }

  @Test
  void stopsBeforeTheDailyQuotaAndResumesAtPacificMidnight() {
    stubUploads();
    RecordingContext ctx = context(List.of(), Map.of("platforms.youtube.apiKey", KEY,
        "platforms.youtube.dailyQuota", "2"));

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(CHANNEL, ctx))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.QUOTA);
          assertThat(e.retryAfter()).contains(RESET);
          assertThat(e.getMessage()).contains("đã dùng hết hạn mức YouTube 2 đơn vị");
        });
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void quotaExceededAnswerIsQuota() {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody(y("error-quota-2026-04-20.json"))));

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(CHANNEL, keyed(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.QUOTA);
          assertThat(e.retryAfter()).contains(RESET);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"error-keyinvalid-old-2026-04-20.json", "error-keyinvalid-new-2026-04-20.json"})
  void invalidKeyInEitherShapeIsAuthWithoutLeakingTheKey(String body) {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(aResponse().withStatus(400)
        .withBody(y(body))));

    try (Logs logs = new Logs()) {
      assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(CHANNEL, keyed(List.of())))
          .isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTH);
            assertThat(e.getMessage()).contains("khóa API không hợp lệ").doesNotContain(KEY);
            assertThat(e.toString()).doesNotContain(KEY);
          });
      assertThat(logs.text()).doesNotContain(KEY);
    }
  }

  @Test
  void unknownHandleIsNotFound() {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("forHandle", equalTo("@sokhcnbacninh"))
        .willReturn(okJson(y("channels-empty-2026-04-20.json"))));
    ChannelSpec byHandle = new ChannelSpec(4, "bn-yt-handle", "BN-SKHCN", ChannelKind.YOUTUBE_CHANNEL, "KH&CN",
        "https://www.youtube.com/@sokhcnbacninh/videos", Optional.empty(), Map.of());

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(byHandle, keyed(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
          assertThat(e.getMessage()).contains("@sokhcnbacninh");
        });
  }

  @Test
  void handleIsResolvedToItsUploadsPlaylist() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("forHandle", equalTo("@sokhcnbacninh"))
        .willReturn(okJson(y("channels-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo(UU))
        .willReturn(okJson(y("playlistitems-page2-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(y("videos-2026-04-20.json"))));
    ChannelSpec byHandle = new ChannelSpec(4, "bn-yt-handle", "BN-SKHCN", ChannelKind.YOUTUBE_CHANNEL, "KH&CN",
        "https://www.youtube.com/@sokhcnbacninh", Optional.empty(), Map.of());
    RecordingContext ctx = keyed(List.of());

    connector(DurationTargets.NONE).harvest(byHandle, ctx);

    wm.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo("Lv1Ve2St3Rm")));
    assertThat(quota.used(NOW)).isEqualTo(3);
  }

  @Test
  void stopsWhenThePageTokenRepeats() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems"))
        .willReturn(okJson(y("playlistitems-repeat-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(y("videos-2026-04-20.json"))));
    RecordingContext ctx = keyed(List.of());

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.problems).extracting(RecordingContext.Problem::reasonCode).contains("cursor_repeat");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/playlistItems")))).hasSize(2);
  }

  @Test
  void serverErrorThenSuccessIsRetried() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(okJson(y("playlistitems-repeat-2026-04-20.json")
        .replace("\"nextPageToken\": \"EAAaBlBUOkNBTQ\",", ""))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("<html><title>Service Unavailable</title></html>"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(okJson(y("videos-2026-04-20.json"))));
    RecordingContext ctx = keyed(List.of());

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.post("dQ7vN2kLm0A")).isPresent();
    assertThat(waits.all).hasSize(1);
    assertThat(quota.used(NOW)).as("one unit per call sent by us").isEqualTo(2);
  }

  @Test
  void malformedVideosAnswerIsABadResponse() {
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(okJson(y("playlistitems-page2-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson("{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"id\":")));

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(CHANNEL, keyed(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains("/youtube/v3/videos").contains("malformed JSON");
        });
  }

  @Test
  void withoutAKeyOrWatchPagesTheFeedGivesViewsLikesAndUnknownDuration() throws Exception {
    stubFeed();
    RecordingContext ctx = keyless(List.of());

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::platformId).containsExactly("dQ7vN2kLm0A", "Sh0rTs12345");
    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.title()).isEqualTo("Phóng sự: Chuyển đổi số ở xã nông thôn mới 🌾");
    assertThat(first.postedAt()).isEqualTo(OffsetDateTime.parse("2026-04-16T10:00:00+07:00").toInstant());
    assertThat(first.counts()).isEqualTo(new Counts(null, null, null, 15234L, 321L));
    assertThat(first.durationSeconds()).isNull();
    assertThat(first.flags()).containsExactly("duration_unknown");
    HarvestedPost shorts = ctx.accepted.get(1);
    assertThat(shorts.url()).isEqualTo("https://www.youtube.com/shorts/Sh0rTs12345");
    assertThat(shorts.flags()).containsExactlyInAnyOrder("duration_unknown", "shorts");
    assertThat(shorts.counts()).isEqualTo(new Counts(null, null, null, 2041L, 0L));
    assertThat(ctx.problems).extracting(RecordingContext.Problem::reasonCode)
        .containsExactly("watch_page_unreadable", "watch_page_unreadable");
    assertThat(quota.used(NOW)).isZero();
  }

  @Test
  void handleChannelWithoutAKeyIsResolvedFromItsPageAndWatchPagesGiveDurationsAndCounts() throws Exception {
    ChannelSpec byHandle = new ChannelSpec(3, "YT-KHCN", "SKHCN", ChannelKind.YOUTUBE_CHANNEL,
        "Khoa học và Công nghệ Bắc Ninh", "https://www.youtube.com/@khcnbacninh", Optional.empty(),
        Map.of("via", "feed"));
    wm.stubFor(get(urlPathEqualTo("/@khcnbacninh")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(y("channel-page-2026-04-20.html"))));
    stubFeed();
    stubWatch("dQ7vN2kLm0A", y("watch-dQ7vN2kLm0A-2026-04-20.html"));
    stubWatch("Sh0rTs12345", "<html><head><title>YouTube</title></head><body>Đã xảy ra lỗi.</body></html>");
    stubWatch("Rf5hOld0001", y("watch-Rf5hOld0001-2026-04-20.html"));
    KnownPost older = new KnownPost("Rf5hOld0001", "https://www.youtube.com/watch?v=Rf5hOld0001",
        Instant.parse("2026-03-01T17:00:00Z"), Instant.parse("2026-04-13T00:00:00Z"));
    RecordingContext ctx = keyless(List.of(older));
    DurationTargets fiveToTenMinutes = id -> List.of(new DurationBounds(300, 600, "7 phóng sự 5–10 phút"));

    connector(fiveToTenMinutes).harvest(byHandle, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::platformId)
        .containsExactly("dQ7vN2kLm0A", "Sh0rTs12345", "Rf5hOld0001");
    HarvestedPost report = ctx.accepted.get(0);
    assertThat(report.durationSeconds()).isEqualTo(452);
    assertThat(report.flags()).as("7:32 fits 5–10 minutes").isEmpty();
    assertThat(report.postedAt()).isEqualTo(OffsetDateTime.parse("2026-04-16T10:00:00+07:00").toInstant());
    assertThat(report.counts()).isEqualTo(new Counts(null, 12L, null, 15310L, 325L));
    HarvestedPost broken = ctx.accepted.get(1);
    assertThat(broken.durationSeconds()).isNull();
    assertThat(broken.flags()).containsExactlyInAnyOrder("duration_unknown", "shorts");
    assertThat(broken.counts()).as("the feed's counts").isEqualTo(new Counts(null, null, null, 2041L, 0L));
    HarvestedPost refreshed = ctx.accepted.get(2);
    assertThat(refreshed.durationSeconds()).isEqualTo(725);
    assertThat(refreshed.flags()).containsExactly("duration_out_of_spec");
    assertThat(refreshed.counts()).isEqualTo(new Counts(null, null, null, 4821L, null));
    assertThat(refreshed.title()).isEqualTo("Hội nghị tổng kết 5 năm chuyển đổi số tỉnh Bắc Ninh");
    assertThat(ctx.problems).singleElement().satisfies(p -> {
      assertThat(p.reasonCode()).isEqualTo("watch_page_unreadable");
      assertThat(p.url()).isEqualTo(wm.baseUrl() + "/watch?v=Sh0rTs12345");
    });
    assertThat(quota.used(NOW)).isZero();
  }

  @Test
  void consentInterstitialIsAProblemAndNoFurtherWatchPageIsAsked() throws Exception {
    stubFeed();
    stubWatch("dQ7vN2kLm0A", y("consent-2026-04-20.html"));
    stubWatch("Sh0rTs12345", y("watch-dQ7vN2kLm0A-2026-04-20.html"));
    RecordingContext ctx = keyless(List.of());

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(2).allSatisfy(p -> assertThat(p.flags()).contains("duration_unknown"));
    assertThat(ctx.problems).singleElement().satisfies(p -> {
      assertThat(p.reasonCode()).isEqualTo("consent_wall");
      assertThat(p.message()).contains("consent.youtube.com");
    });
    wm.verify(0, getRequestedFor(urlPathEqualTo("/watch")).withQueryParam("v", equalTo("Sh0rTs12345")));
  }

  @Test
  void tooManyRequestsOnAWatchPageStopsTheWatchPagesButNotTheRun() throws Exception {
    stubFeed();
    wm.stubFor(get(urlPathEqualTo("/watch")).withQueryParam("v", equalTo("dQ7vN2kLm0A"))
        .willReturn(aResponse().withStatus(429)));
    RecordingContext ctx = keyless(List.of());

    connector(DurationTargets.NONE).harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::platformId).containsExactly("dQ7vN2kLm0A", "Sh0rTs12345");
    assertThat(ctx.problems).singleElement().satisfies(p -> {
      assertThat(p.reasonCode()).isEqualTo("watch_page_unreadable");
      assertThat(p.message()).contains("HTTP 429").contains("dừng đọc trang video");
    });
    wm.verify(0, getRequestedFor(urlPathEqualTo("/watch")).withQueryParam("v", equalTo("Sh0rTs12345")));
  }

  @Test
  void consentPageInsteadOfTheChannelPageFailsTheChannelSayingToSetTheId() {
    wm.stubFor(get(urlPathEqualTo("/@khcnbacninh")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(y("consent-2026-04-20.html"))));
    ChannelSpec byHandle = new ChannelSpec(3, "YT-KHCN", "SKHCN", ChannelKind.YOUTUBE_CHANNEL,
        "Khoa học và Công nghệ Bắc Ninh", "https://www.youtube.com/@khcnbacninh", Optional.empty(), Map.of());

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(byHandle, keyless(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
          assertThat(e.getMessage()).contains("YT-KHCN").contains("consent.youtube.com").contains("platform_id");
        });
    wm.verify(0, getRequestedFor(urlPathEqualTo("/feeds/videos.xml")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://www.youtube.com/c/KhcnBacNinh", "https://www.youtube.com/user/khcnbacninh"})
  void legacyChannelAddressesAreResolvedFromTheirPage(String url) throws Exception {
    String path = URI.create(url).getPath();
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(y("channel-page-2026-04-20.html"))));
    stubFeed();
    ChannelSpec legacy = new ChannelSpec(3, "YT-KHCN", "SKHCN", ChannelKind.YOUTUBE_CHANNEL,
        "Khoa học và Công nghệ Bắc Ninh", url, Optional.empty(), Map.of());

    connector(DurationTargets.NONE).harvest(legacy, keyless(List.of()));

    wm.verify(getRequestedFor(urlPathEqualTo("/feeds/videos.xml")).withQueryParam("channel_id", equalTo(UC)));
  }

  @Test
  void viaFeedReadsTheFeedEvenWithAKeyAndViaApiWithoutOneIsAConfigurationError() throws Exception {
    stubFeed();
    ChannelSpec feed = new ChannelSpec(3, CHANNEL.code(), CHANNEL.unitCode(), CHANNEL.kind(), CHANNEL.name(),
        CHANNEL.url(), CHANNEL.platformId(), Map.of("via", "feed"));
    RecordingContext ctx = context(List.of(), Map.of("platforms.youtube.apiKey", KEY,
        "platforms.youtube.watchBaseUrl", wm.baseUrl() + "/watch"));

    connector(DurationTargets.NONE).harvest(feed, ctx);

    assertThat(ctx.accepted).hasSize(2);
    assertThat(quota.used(NOW)).as("no API call").isZero();
    ChannelSpec api = new ChannelSpec(3, CHANNEL.code(), CHANNEL.unitCode(), CHANNEL.kind(), CHANNEL.name(),
        CHANNEL.url(), CHANNEL.platformId(), Map.of("via", "api"));
    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(api, context(List.of(), Map.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.CONFIG);
          assertThat(e.getMessage()).contains("via: api").contains("credentials set bn-yt-skhcn");
        });
  }

  @Test
  void theChannelsOwnKeyIsUsedInsteadOfThePlatformKey() throws Exception {
    stubUploads();
    wm.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(y("videos-2026-04-20.json"))));
    FakeAccess own = FakeAccess.linked("youtube", UC, "AIzaSyOwnKeyOfTheUnit000000000000000");

    connector(DurationTargets.NONE, own).harvest(CHANNEL, keyed(List.of()));

    wm.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/playlistItems"))
        .withHeader("X-goog-api-key", equalTo("AIzaSyOwnKeyOfTheUnit000000000000000")));
    wm.verify(0, getRequestedFor(anyUrl()).withHeader("X-goog-api-key", equalTo(KEY)));
    assertThat(own.outcomes).containsExactly("success");
  }

  @Test
  void feedNotFoundIsTemporaryNotGone() {
    wm.stubFor(get(urlPathEqualTo("/feeds/videos.xml")).willReturn(aResponse().withStatus(404)
        .withBody("<html><title>Error 404 (Not Found)!!1</title></html>")));

    assertThatThrownBy(() -> connector(DurationTargets.NONE).harvest(CHANNEL, context(List.of(), Map.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
  }
}
