package vn.minhchung.harvester.connector.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.NOW;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.WINDOW_START;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import jakarta.persistence.LockModeType;
import vn.minhchung.harvester.account.AccountFixtures;
import vn.minhchung.harvester.account.DatabaseChannelAccess;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Logs;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Waits;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

class ZaloConnectorTest {
  static final String OLD_ACCESS = "zaloOldAccessToken-AAA111";
  static final String OLD_REFRESH = "zaloOldRefreshToken-BBB222";
  static final String NEW_ACCESS = "zaloNewAccessToken-CCC333";
  static final String NEW_REFRESH = "zaloNewRefreshToken-DDD444";
  static final String SECRET = "zaloSecretKey-EEE555";
  static final String SLICE = "/v2.0/article/getslice";
  static final String DETAIL = "/v2.0/article/getdetail";
  static final String OA = "2947102938475610293";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  final Waits waits = new Waits();
  Database db;
  DatabaseTarget target;

  /** One H2 for the tests that never refresh a token (opening a database costs seconds on a busy machine). */
  static DatabaseTarget sharedTarget;
  static Database shared;

  @BeforeAll
  static void openShared() {
    sharedTarget = TestDatabases.h2();
    shared = TestDatabases.open(sharedTarget);
  }

  @AfterAll
  static void closeShared() {
    shared.close();
    TestDatabases.drop(sharedTarget);
  }

  @AfterEach
  void closeDatabase() {
    if (db != null) {
      db.close();
      TestDatabases.drop(target);
    }
  }

  ChannelSpec CHANNEL;

  @BeforeEach
  void stubGetOa() {
    wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa")).willReturn(okJson(z("getoa-2026-04-20.json"))));
  }

  ZaloConnector connector() {
    return connector(shared);
  }

  ZaloConnector connector(DatabaseTarget t) {
    target = t;
    db = TestDatabases.open(t);
    return connector(db);
  }

  private ZaloConnector connector(Database d) {
    SecretBox box = box();
    CHANNEL = AccountFixtures.channel(d, "bn-zalo-skhcn", ChannelKind.ZALO_OA, "https://zalo.me/" + OA, OA);
    return new ZaloConnector(waits.fetcher(), new ZaloTokenStore(d, box, CLOCK),
        new DatabaseChannelAccess(d, box, CLOCK));
  }

  /** One key for every test: the shared database keeps the sealed pair between tests. */
  SecretBox box() {
    return SecretBox.fromSettings(Settings.of(dir, Map.of("secretKey", "enp6enp6enp6enp6enp6enp6enp6enp6enp6enp6eno=")));
  }

  /** The pair stored for the OA, opened with the test's key. */
  ZaloTokens stored() {
    SecretBox box = box();
    return db.inTransaction(s -> ZaloTokenStore.tokens(Accounts.find(s, "zalo", OA, LockModeType.NONE).orElseThrow()
        .secrets(box)));
  }

  RecordingContext context(List<KnownPost> refresh) {
    Settings s = Settings.of(dir, Map.of("platforms.zalo.apiBaseUrl", wm.baseUrl(),
        "platforms.zalo.oauthBaseUrl", wm.baseUrl(), "platforms.zalo.appId", "3106985563419475123",
        "platforms.zalo.secretKey", SECRET, "platforms.zalo.accessToken", OLD_ACCESS,
        "platforms.zalo.refreshToken", OLD_REFRESH));
    return new RecordingContext(CLOCK, s, WINDOW_START, refresh);
  }

  static String z(String name) {
    return fixture("zalo/" + name, Map.of("NEW_ACCESS", NEW_ACCESS, "NEW_REFRESH", NEW_REFRESH));
  }

  void stubLists(String tokenForPage2) {
    wm.stubFor(get(urlPathEqualTo(SLICE)).withQueryParam("type", equalTo("normal"))
        .withQueryParam("offset", equalTo("0")).willReturn(okJson(z("getslice-normal-page1-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(SLICE)).withQueryParam("type", equalTo("normal"))
        .withQueryParam("offset", equalTo("10")).withHeader("access_token", equalTo(tokenForPage2))
        .willReturn(okJson(z("getslice-normal-page2-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(SLICE)).withQueryParam("type", equalTo("video"))
        .willReturn(okJson(z("getslice-video-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(DETAIL)).withQueryParam("id", equalTo("8f1c2a7d3e4b5c6003"))
        .willReturn(okJson(z("getdetail-2026-04-20.json"))));
  }

  @Test
  void harvestsBothArticleListsWithViewsSharesAndDates() throws Exception {
    stubLists(OLD_ACCESS);
    RecordingContext ctx = context(List.of());

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).hasSize(12);
    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.title()).isEqualTo("Bắc Ninh đẩy mạnh chuyển đổi số trong cải cách hành chính 🚀");
    assertThat(first.postedAt()).isEqualTo(OffsetDateTime.parse("2026-04-19T08:00:00+07:00").toInstant());
    assertThat(first.counts()).isEqualTo(new Counts(null, null, 30L, 1200L, null));
    assertThat(first.url()).isEqualTo("https://zalo.me/s/bacninhso/article/8f1c2a7d3e4b5c6001");
    assertThat(first.imageUrl()).isEqualTo("https://photo-stal-ttl.zadn.vn/cover_01.jpg");
    assertThat(ctx.accepted.get(1).counts()).as("counts as strings").isEqualTo(new Counts(null, null, 28L, 1103L, null));
    assertThat(ctx.accepted.get(2).url()).as("link from getdetail")
        .isEqualTo("https://zalo.me/s/bacninhso/article/8f1c2a7d3e4b5c6003");
    assertThat(ctx.accepted.get(2).lead()).isEqualTo("Lịch tiếp công dân định kỳ của lãnh đạo Sở trong tháng 4/2026.");
    assertThat(ctx.accepted.get(3).counts().shares()).as("missing total_share").isNull();
    assertThat(ctx.post("8f1c2a7d3e4b5c6012")).as("outside the window").isEmpty();
    HarvestedPost video = ctx.post("a0b1c2d3e4f5a6b7c801").orElseThrow();
    assertThat(video.kind()).isEqualTo(PostKind.VIDEO);
    assertThat(video.title()).isEqualTo("Video: Chuyển đổi số – chuyện của mỗi nhà 🎬");
    assertThat(video.counts()).isEqualTo(new Counts(null, null, 44L, 5321L, null));
    assertThat(ctx.problems).isEmpty();
    wm.verify(getRequestedFor(urlPathEqualTo(SLICE)).withQueryParam("limit", equalTo("10"))
        .withHeader("access_token", equalTo(OLD_ACCESS)));
    assertThat(wm.findAll(anyRequestedFor(anyUrl())).stream().filter(r -> !r.getUrl().contains("getoa"))).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void tokenExpiringMidRunIsRefreshedSavedBeforeUseAndTheRunContinues(DatabaseTarget t) throws Exception {
    stubLists(NEW_ACCESS);
    wm.stubFor(get(urlPathEqualTo(SLICE)).withQueryParam("offset", equalTo("10"))
        .withHeader("access_token", equalTo(OLD_ACCESS)).willReturn(okJson(z("error-220-2026-04-20.json"))));
    wm.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).withHeader("secret_key", equalTo(SECRET))
        .withRequestBody(containing("refresh_token=" + OLD_REFRESH))
        .withRequestBody(containing("app_id=3106985563419475123"))
        .withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(okJson(z("token-refreshed-2026-04-20.json"))));
    ZaloConnector connector = connector(t);
    RecordingContext ctx = context(List.of());

    try (Logs logs = new Logs()) {
      connector.harvest(CHANNEL, ctx);
      assertThat(logs.text()).doesNotContain(OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH, SECRET)
          .contains("refreshed and saved");
    }

    assertThat(ctx.accepted).hasSize(12);
    assertThat(stored()).isEqualTo(new ZaloTokens(NEW_ACCESS, NEW_REFRESH));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v4/oa/access_token")));
    wm.verify(getRequestedFor(urlPathEqualTo(SLICE)).withQueryParam("type", equalTo("video"))
        .withHeader("access_token", equalTo(NEW_ACCESS)));
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void reusedRefreshTokenStopsTheChannelAsAuth(DatabaseTarget t) {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(okJson(z("error-216-2026-04-20.json"))));
    wm.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).willReturn(okJson(z("token-reused-2026-04-20.json"))));
    ZaloConnector connector = connector(t);

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.AUTH);
          assertThat(e.getMessage()).contains("refresh token Zalo đã được dùng rồi").contains("-14020")
              .doesNotContain(OLD_ACCESS, OLD_REFRESH, SECRET);
        });
    assertThat(stored()).as("nothing replaced").isEqualTo(new ZaloTokens(OLD_ACCESS, OLD_REFRESH));
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void tokenRejectedAgainAfterRefreshIsAuth(DatabaseTarget t) {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(okJson(z("error-216-2026-04-20.json"))));
    wm.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).willReturn(okJson(z("token-refreshed-2026-04-20.json"))));
    ZaloConnector connector = connector(t);

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.AUTH);
          assertThat(e.getMessage()).contains("token Zalo OA không hợp lệ").doesNotContain(NEW_ACCESS);
        });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v4/oa/access_token")));
  }

  @Test
  void errorEnvelopeWithHttp200IsAFailure() {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(okJson(z("error-223-2026-04-20.json"))));
    ZaloConnector connector = connector();

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
          assertThat(e.getMessage()).contains("thiếu quyền: OA chưa cấp quyền API bài viết").contains("-223");
        });
  }

  @Test
  void rateLimitBacksOffForAnHour() {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(okJson(z("error-32-2026-04-20.json"))));
    ZaloConnector connector = connector();

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(NOW.plus(Duration.ofHours(1)));
        });
  }

  @Test
  void olderStoredArticlesAreRefreshedFromTheirDetail() throws Exception {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(okJson(z("getslice-empty-2026-04-20.json"))));
    wm.stubFor(get(urlPathEqualTo(DETAIL)).withQueryParam("id", equalTo("8f1c2a7d3e4b5c5901"))
        .willReturn(okJson(z("getdetail-old-2026-04-20.json"))));
    var posted = OffsetDateTime.parse("2026-02-25T08:00:00+07:00").toInstant();
    RecordingContext ctx = context(List.of(new KnownPost("8f1c2a7d3e4b5c5901",
        "https://zalo.me/s/bacninhso/article/8f1c2a7d3e4b5c5901", posted, posted)));

    connector().harvest(CHANNEL, ctx);

    assertThat(ctx.accepted).singleElement().satisfies(p -> {
      assertThat(p.counts()).isEqualTo(new Counts(null, null, 71L, 3010L, null));
      assertThat(p.url()).isEqualTo("https://zalo.me/s/bacninhso/article/8f1c2a7d3e4b5c5901");
      assertThat(p.postedAt()).isEqualTo(posted);
    });
  }

  @Test
  void htmlPageWhereJsonWasExpectedIsABadResponse() {
    wm.stubFor(get(urlPathEqualTo(SLICE)).willReturn(aResponse().withStatus(200)
        .withBody("<html><head><title>Zalo - Bảo trì hệ thống</title></head><body>Đang bảo trì</body></html>")));
    ZaloConnector connector = connector();

    assertThatThrownBy(() -> connector.harvest(CHANNEL, context(List.of())))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains("titled \"Zalo - Bảo trì hệ thống\"");
        });
  }
}
