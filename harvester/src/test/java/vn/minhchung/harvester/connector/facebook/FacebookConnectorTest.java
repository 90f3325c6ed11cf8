package vn.minhchung.harvester.connector.facebook;

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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Logs;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Waits;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.FakeAccess;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.connector.RecordingContext;

class FacebookConnectorTest {
  static final String TOKEN = "EAAGsecretPageToken123";
  static final String POSTS = "/v26.0/104857392847561/published_posts";
  static final String AFTER1 = "QVFIUmFnSlF0ZA2VYd1dpM1RzeHFpRHFsUnFBU1pPRjhr";
  static final String AFTER2 = "QVFIUkJfc2VxdWVuY2UyX2VtcHR5X3BhZ2U";
  static final ChannelSpec CHANNEL = new ChannelSpec(1, "bn-fb-skhcn", "BN-SKHCN", ChannelKind.FACEBOOK_PAGE,
      "Sở Khoa học và Công nghệ Bắc Ninh", "https://www.facebook.com/skhcnbacninh", Optional.of("104857392847561"),
      Map.of());

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  final Waits waits = new Waits();

  RecordingContext context(List<KnownPost> refresh) {
    Settings s = Settings.of(dir, Map.of("platforms.facebook.graphBaseUrl", wm.baseUrl(),
        "platforms.facebook.accessToken", TOKEN));
    return new RecordingContext(CLOCK, s, WINDOW_START, refresh);
  }

  FacebookConnector connector() {
    return connector(FakeAccess.none());
  }

  FacebookConnector connector(FakeAccess access) {
    return new FacebookConnector(waits.fetcher(), new FacebookThrottle(waits.all::add, CLOCK, Duration.ofSeconds(20)),
        access);
  }

  String body(String name) {
    return fixture("facebook/" + name, Map.of("BASE", wm.baseUrl()));
  }

  void stubPages() {
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", absent())
        .willReturn(okJson(body("posts-page1-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", equalTo(AFTER1))
        .willReturn(okJson(body("posts-page2-empty-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", equalTo(AFTER2))
        .willReturn(okJson(body("posts-page3-2026-04-20.json"))));
  }

  @Test
  void harvestsPostsAcrossPagesWithVietnameseTextDatesAndCounts() throws Exception {
    stubPages();
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::platformId).containsExactly(
        "104857392847561_1029384756102938", "104857392847561_1029384756100001", "104857392847561_1029384756100002",
        "104857392847561_1029384756100003");
    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.title()).isEqualTo("Hội nghị triển khai Kế hoạch chuyển đổi số năm 2026 🚀");
    assertThat(first.body()).contains("Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    assertThat(first.postedAt()).isEqualTo(OffsetDateTime.parse("2026-04-14T08:30:00+07:00").toInstant());
    assertThat(first.postedAtText()).isEqualTo("2026-04-14T01:30:00+0000");
    assertThat(first.url()).isEqualTo("https://www.facebook.com/104857392847561/posts/1029384756102938");
    assertThat(first.imageUrl()).endsWith("480012345_n.jpg");
    assertThat(first.counts()).isEqualTo(new Counts(152L, 23L, 11L, null, null));
    assertThat(ctx.accepted.get(1).counts()).as("reactions as a string, comments and shares missing")
        .isEqualTo(new Counts(87L, 0L, 0L, null, null));
    assertThat(ctx.accepted.get(2).counts()).isEqualTo(new Counts(0L, 0L, 0L, null, null));
    assertThat(ctx.accepted.get(2).url()).isEqualTo("https://www.facebook.com/104857392847561_1029384756100002");
    assertThat(ctx.accepted.get(3).postedAt()).isEqualTo(OffsetDateTime.parse("2026-03-25T10:00:00+07:00").toInstant());
    assertThat(ctx.problems).isEmpty();
    wm.verify(3, getRequestedFor(urlPathEqualTo(POSTS)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withQueryParam("access_token", absent()));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
  }

  @Test
  void aNextLinkToAnotherHostIsNotRequestedAndIsAProblem() throws Exception {
    WireMockServer other = new WireMockServer(wireMockConfig().dynamicPort());
    other.start();
    try {
      wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(fixture("facebook/posts-next-offsite-2026-04-20.json",
          Map.of("OTHER", other.baseUrl())))));
      RecordingContext ctx = context(List.of());

      connector().harvest(CHANNEL, ctx);

      assertThat(ctx.accepted).hasSize(1);
      assertThat(ctx.problems).singleElement().satisfies(p -> {
        assertThat(p.reasonCode()).isEqualTo("paging_offsite");
        assertThat(p.url()).startsWith(other.baseUrl());
        assertThat(p.message()).contains("platforms.facebook.graphBaseUrl").doesNotContain(TOKEN);
      });
      assertThat(other.getAllServeEvents()).isEmpty();
    } finally {
      other.stop();
    }
  }

  @Test
  void countsThatAreNotCountsAreNullAndFlaggedNeverZeroOrWrapped() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-bad-counts-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(2);
    assertThat(ctx.accepted.get(0).counts()).isEqualTo(new Counts(null, null, 12L, null, null));
    assertThat(ctx.accepted.get(1).counts()).as("comments missing mean 0; the others are unreadable")
        .isEqualTo(new Counts(null, 0L, null, null, null));
    assertThat(ctx.accepted).allSatisfy(p -> assertThat(p.flags()).contains("count_unreadable"));
  }

  @Test
  void stopsWhenCursorRepeats() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-cursor-repeat-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(1);
    assertThat(ctx.problems).singleElement().satisfies(p -> assertThat(p.reasonCode()).isEqualTo("cursor_repeat"));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void expiredTokenMidRunStopsTheChannelAsAuthWithoutLeakingIt() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", absent())
        .willReturn(okJson(body("posts-page1-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", equalTo(AFTER1))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(body("error-190-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    try (Logs logs = new Logs()) {
      assertThatThrownBy(() -> connector().harvest(CHANNEL, ctx)).isInstanceOfSatisfying(ConnectorException.class,
          e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTH);
            assertThat(e.getMessage()).contains("token Trang đã hết hạn").contains("190/463")
                .contains("credentials set bn-fb-skhcn").doesNotContain(TOKEN);
            assertThat(e.toString()).doesNotContain(TOKEN);
          });
      assertThat(logs.text()).doesNotContain(TOKEN);
    }
    assertThat(ctx.accepted).hasSize(3);
  }

  @Test
  void theChannelsOwnAccountIsUsedBeforeThePlatformTokenAndItsRejectionIsRecorded() throws Exception {
    String pageToken = "EAAGtokenOfThisPageOnly0042";
    wm.stubFor(get(urlPathEqualTo(POSTS)).withHeader("Authorization", equalTo("Bearer " + pageToken))
        .willReturn(okJson(body("posts-page1-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("after", equalTo(AFTER1))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(body("error-190-2026-04-20.json").replace("\"error_subcode\": 463", "\"error_subcode\": 458"))));
    FakeAccess account = FakeAccess.linked("facebook", "104857392847561", pageToken);

    assertThatThrownBy(() -> connector(account).harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.AUTH);
          assertThat(e.getMessage()).contains("đã bị thu hồi").contains("Trang đã gỡ ứng dụng");
        });
    assertThat(account.outcomes).containsExactly("revoked");
    wm.verify(getRequestedFor(urlPathEqualTo(POSTS)).withHeader("Authorization", equalTo("Bearer " + pageToken)));
    wm.verify(0, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void missingPermissionIsNamedPlainly() {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(aResponse().withStatus(403)
        .withBody(body("error-10-2026-04-20.json"))));

    assertThatThrownBy(() -> connector().harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
          assertThat(e.getMessage()).startsWith("bn-fb-skhcn: thiếu quyền pages_read_engagement;");
        });
  }

  @Test
  void pageRateLimitWaitsForTheRegainTimeAndStopsCalling() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(aResponse().withStatus(400)
        .withHeader("X-Business-Use-Case-Usage", "{\"104857392847561\":[{\"type\":\"pages\",\"call_count\":100,"
            + "\"total_cputime\":12,\"total_time\":30,\"estimated_time_to_regain_access\":15}]}")
        .withBody(body("error-80001-2026-04-20.json"))));
    FacebookConnector connector = connector();

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(NOW.plus(Duration.ofMinutes(15)));
        });
    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("no call while blocked").hasSize(1);
  }

  @Test
  void highAppUsageSlowsDownInProportion() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-page3-2026-04-20.json"))
        .withHeader("X-App-Usage", "{\"call_count\":95,\"total_time\":40,\"total_cputime\":38}")));

    connector().harvest(CHANNEL, context(List.of()));

    assertThat(waits.all).containsExactly(Duration.ofSeconds(16));
  }

  @Test
  void videoPostsGetTheirDurationFromTheVideosLength() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-video-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).withQueryParam("fields", equalTo("id,length"))
        .withQueryParam("ids", equalTo("771234567890123,771234567890456,771234567890789"))
        .willReturn(okJson(body("video-lengths-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).extracting(HarvestedPost::kind).containsExactly(PostKind.VIDEO, PostKind.VIDEO,
        PostKind.VIDEO, PostKind.POST);
    assertThat(ctx.accepted).extracting(HarvestedPost::durationSeconds).containsExactly(452, 95, null, null);
    assertThat(ctx.accepted.get(0).title()).isEqualTo("Phóng sự: Bắc Ninh tăng tốc chuyển đổi số năm 2026");
    assertThat(ctx.accepted.get(2).flags()).as("Graph gave no length for the reel").contains("duration_unknown");
    assertThat(ctx.accepted.get(0).flags()).doesNotContain("duration_unknown");
    assertThat(ctx.problems).isEmpty();
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void aFailedLengthCallIsAProblemAndTheVideosStayWithoutDuration() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-video-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).withQueryParam("fields", equalTo("id,length"))
        .willReturn(aResponse().withStatus(400).withBody(body("error-100-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(4);
    assertThat(ctx.accepted.get(0).durationSeconds()).isNull();
    assertThat(ctx.accepted.get(0).flags()).contains("duration_unknown");
    assertThat(ctx.problems).extracting(p -> p.reasonCode()).containsExactly("video_length_unreadable");
  }

  @Test
  void refreshMarksMissingPostGoneAndUpdatesTheOther() throws Exception {
    String gone = "104857392847561_1029384756090002";
    String kept = "104857392847561_1029384756090001";
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-page3-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).withQueryParam("ids", equalTo(kept + "," + gone))
        .willReturn(aResponse().withStatus(404).withBody(body("error-100-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).withQueryParam("ids", equalTo(kept))
        .willReturn(okJson("{\"" + kept + "\":" + "{\"id\":\"" + kept + "\",\"created_time\":\"2026-02-20T02:00:00+0000\","
            + "\"reactions\":{\"summary\":{\"total_count\":413}}}}")));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).withQueryParam("ids", equalTo(gone))
        .willReturn(aResponse().withStatus(400).withBody(body("error-100-2026-04-20.json"))));
    Instant old = OffsetDateTime.parse("2026-02-20T09:00:00+07:00").toInstant();
    RecordingContext ctx = context(List.of(new KnownPost(kept, "https://www.facebook.com/" + kept, old, old),
        new KnownPost(gone, "https://www.facebook.com/" + gone, old, old)));

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.post(kept)).get().extracting(HarvestedPost::counts).isEqualTo(new Counts(413L, 0L, 0L, null, null));
    assertThat(ctx.gone).containsOnlyKeys(gone);
  }

  @Test
  void refreshBatchReadsEveryPostOfTheAnswer() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(body("posts-page3-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/")).willReturn(okJson(body("batch-2026-04-20.json"))));
    Instant old = OffsetDateTime.parse("2026-02-20T09:00:00+07:00").toInstant();
    RecordingContext ctx = context(List.of(
        new KnownPost("104857392847561_1029384756090001", "u1", old, old),
        new KnownPost("104857392847561_1029384756090002", "u2", old, old)));

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.post("104857392847561_1029384756090001")).get().extracting(HarvestedPost::counts)
        .isEqualTo(new Counts(412L, 57L, 30L, null, null));
    assertThat(ctx.post("104857392847561_1029384756090002")).get().extracting(HarvestedPost::title)
        .isEqualTo("Hướng dẫn cài đặt ứng dụng VNeID mức 2");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v26.0/")))).hasSize(1);
  }

  @Test
  void htmlErrorPageWhereJsonWasExpectedIsABadResponse() {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody(fixture("facebook/proxy-502-2026-04-20.html"))));

    assertThatThrownBy(() -> connector().harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains("expected JSON but found an HTML/XML page titled \"502 Bad Gateway\"")
              .contains(wm.baseUrl() + POSTS);
        });
  }

  @Test
  void malformedJsonIsABadResponseNamingThePosition() {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson(fixture("facebook/malformed-2026-04-20.json"))));

    assertThatThrownBy(() -> connector().harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains("malformed JSON at line 1");
        });
  }

  @Test
  void serverErrorThenSuccessIsRetried() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"An unknown error has occurred.\","
            + "\"type\":\"OAuthException\",\"code\":1,\"is_transient\":true}}"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(POSTS)).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(okJson(body("posts-page3-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(1);
    assertThat(waits.all).hasSize(1);
  }

  @Test
  void tooManyRequestsHonoursShortRetryAfter() throws Exception {
    wm.stubFor(get(urlPathEqualTo(POSTS)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo(POSTS)).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson(body("posts-page3-2026-04-20.json"))));
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(waits.all).containsExactly(Duration.ofSeconds(7));
    assertThat(ctx.accepted).hasSize(1);
  }

  @Test
  void tooManyRequestsWithLongRetryAfterIsRateLimitedUntilThen() {
    wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> connector().harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(NOW.plusSeconds(3600));
        });
  }

  @Test
  void missingTokenIsAConfigError(@TempDir Path other) {
    RecordingContext ctx = new RecordingContext(CLOCK, Settings.of(other, Map.of()), WINDOW_START, List.of());

    assertThatThrownBy(() -> connector().harvest(CHANNEL, ctx)).isInstanceOfSatisfying(ConnectorException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONFIG));
  }
}
