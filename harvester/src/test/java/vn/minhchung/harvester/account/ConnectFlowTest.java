package vn.minhchung.harvester.account;

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
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorTestSupport.Waits;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.review.web.Connecting;
import vn.minhchung.review.web.WebConfig;
import vn.minhchung.review.web.WebServer;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.ConnectState;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * The web UI's connect flows end to end: a real review server, the real platform side, and WireMock standing in
 * for Graph and Zalo's OAuth server with their real parameter names. The consent page itself is the platform's;
 * the test plays the browser coming back to the callback.
 */
@Timeout(120)
class ConnectFlowTest {
  static final String PASSWORD = "Mat-khau-quan-tri-2026";
  static final String APP_SECRET = "fbAppSecret-0f9e8d7c6b5a";
  static final String ZALO_SECRET = "zaloAppSecret-1a2b3c4d5e";
  static final String ZALO_OA = "4321987654321098765";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  DatabaseTarget target;
  Database db;
  WebServer server;
  SecretBox box;
  String base;

  @BeforeEach
  void start() throws IOException {
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    Settings settings = Settings.of(dir, Map.ofEntries(Map.entry("web.publicUrl", base),
        Map.entry("platforms.facebook.graphBaseUrl", wm.baseUrl()),
        Map.entry("platforms.facebook.dialogBaseUrl", "https://www.facebook.com"),
        Map.entry("platforms.facebook.appId", "1234567890123456"),
        Map.entry("platforms.facebook.appSecret", APP_SECRET),
        Map.entry("platforms.zalo.apiBaseUrl", wm.baseUrl()), Map.entry("platforms.zalo.oauthBaseUrl", wm.baseUrl()),
        Map.entry("platforms.zalo.appId", "3106985563419475123"), Map.entry("platforms.zalo.secretKey", ZALO_SECRET)));
    box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    HttpFetcher http = new Waits().fetcher();
    ChannelAccess access = new DatabaseChannelAccess(db, box, CLOCK);
    Credentials credentials = new Credentials(db, box, CLOCK, settings,
        new FacebookConnector(http, new FacebookThrottle(d -> { }, CLOCK, Duration.ofSeconds(1)), access),
        new ZaloConnector(http, new ZaloTokenStore(db, box, CLOCK), access),
        new YouTubeConnector(http, new PoliteFetcher(http, settings, d -> { }, CLOCK), new YouTubeQuota.InDatabase(db),
            id -> List.of(), access));
    AccountFixtures.channel(db, "FB-SKHCN", "SKHCN", "Sở Khoa học và Công nghệ", ChannelKind.FACEBOOK_PAGE,
        "https://www.facebook.com/skhcnbacninh", "104857392847561");
    AccountFixtures.channel(db, "FB-STP", "STP", "Sở Tư pháp", ChannelKind.FACEBOOK_PAGE,
        "https://www.facebook.com/sotuphapbacninh", null);
    AccountFixtures.channel(db, "FB-XTH", "UBND-XTH", "UBND xã Tân Hồng", ChannelKind.FACEBOOK_PAGE,
        "https://www.facebook.com/xatanhong", "130495867102938");
    AccountFixtures.channel(db, "ZL-XTH", "UBND-XTH", "UBND xã Tân Hồng", ChannelKind.ZALO_OA,
        "https://zalo.me/" + ZALO_OA, ZALO_OA);
    db.runInTransaction(s -> {
      Users.add(s, "quantri", Role.ADMIN, PASSWORD.toCharArray(), "test", CLOCK.instant(), 4);
      Users.add(s, "canbo", Role.REVIEWER, PASSWORD.toCharArray(), "test", CLOCK.instant(), 4);
    });
    server = WebServer.start(new WebConfig("127.0.0.1", port, Duration.ofMinutes(30), 1_000_000, 14, 2,
        dir.resolve("tmp"), Optional.empty(), false, 7, Optional.empty()), db, new BlobStore(dir.resolve("blobs")), CLOCK, Optional.empty(),
        Optional.of(new Connecting(new PlatformConnect(credentials, http, settings, CLOCK), box,
            Optional.of(URI.create(base)))));
  }

  @AfterEach
  void stop() {
    server.close();
    db.close();
    TestDatabases.drop(target);
  }

  void stubFacebook(String accounts) {
    wm.stubFor(post(urlPathEqualTo("/v26.0/oauth/access_token")).withRequestBody(containing("code=fb-code-123"))
        .willReturn(okJson(fixture("facebook/oauth-code-token-2026-11-20.json"))));
    wm.stubFor(post(urlPathEqualTo("/v26.0/oauth/access_token"))
        .withRequestBody(containing("grant_type=fb_exchange_token"))
        .withRequestBody(containing("fb_exchange_token=EAAGshortLivedUserTokenZBq8Xw2026NovA1"))
        .willReturn(okJson(fixture("facebook/oauth-long-lived-2026-11-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v26.0/me/accounts"))
        .withHeader("Authorization", equalTo("Bearer EAAGlongLivedUserTokenZBq8Xw2026NovB2"))
        .willReturn(okJson(fixture("facebook/" + accounts))));
  }

  @Test
  void facebookGrantConnectsEveryRegisteredPageItManagesAndOffersTheOthers() {
    stubFacebook("me-accounts-2026-11-20.json");
    Tab admin = Tab.loggedIn(this, "quantri");
    HttpResponse<String> start = admin.get("/connect/facebook?channel=FB-SKHCN");
    assertThat(start.statusCode()).isEqualTo(303);
    Map<String, String> dialog = query(start.headers().firstValue("Location").orElseThrow());
    assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith("https://www.facebook.com/v26.0/dialog/oauth?");
    assertThat(dialog).containsEntry("client_id", "1234567890123456")
        .containsEntry("redirect_uri", base + "/connect/facebook/callback")
        .containsEntry("scope", "pages_show_list,pages_read_engagement").containsEntry("response_type", "code");
    assertThat(dialog.get("state")).hasSizeGreaterThan(30);
    assertThat(admin.cookie("MC_CONNECT")).isNotNull();

    HttpResponse<String> back = admin.get("/connect/facebook/callback?code=fb-code-123&state=" + dialog.get("state"));

    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("Đã kết nối Facebook").contains("FB-SKHCN").contains("FB-STP")
        .contains("Đoàn Thanh niên Sở Khoa học và Công nghệ Bắc Ninh").contains("Đăng ký thành kênh mới")
        .doesNotContain("EAAG");
    Map<String, PlatformAccount> byChannel = linked();
    assertThat(byChannel).containsOnlyKeys("FB-SKHCN", "FB-STP");
    assertThat(byChannel.get("FB-STP").getAccount()).isEqualTo("110293847561029");
    assertThat(byChannel.get("FB-SKHCN").secrets(box).accessToken()).isEqualTo("EAAGpageTokenSKHCNZBq8Xw2026NovPage01");
    assertThat(byChannel.get("FB-SKHCN").getExpiresAt()).as("Page tokens of a long-lived grant do not expire").isNull();
    for (LoggedRequest r : wm.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(r.getUrl()).doesNotContain(APP_SECRET).doesNotContain("EAAG").doesNotContain("access_token=");
    }
    wm.verify(postRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token"))
        .withRequestBody(containing("client_secret=" + APP_SECRET))
        .withRequestBody(containing("redirect_uri=" + URLEncoder.encode(base + "/connect/facebook/callback",
            StandardCharsets.UTF_8))));
    HttpResponse<String> accounts = admin.get("/accounts");
    assertThat(accounts.body()).contains("Đang hoạt động").contains("EAAG…e01").contains("Chưa kết nối")
        .doesNotContain("EAAGpageToken");
  }

  @Test
  void aReplayedCallbackFindsNothing() {
    stubFacebook("me-accounts-2026-11-20.json");
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/facebook?channel=FB-SKHCN").headers().firstValue("Location")
        .orElseThrow()).get("state");
    assertThat(admin.get("/connect/facebook/callback?code=fb-code-123&state=" + state).statusCode()).isEqualTo(200);
    admin.cookies.getCookieStore().add(URI.create(base + "/connect"), cookieOf("MC_CONNECT", "replayed"));

    HttpResponse<String> again = admin.get("/connect/facebook/callback?code=fb-code-123&state=" + state);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("không hợp lệ hoặc đã được dùng");
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v26.0/me/accounts")));
  }

  @Test
  void aStateStartedInAnotherBrowserIsRefused() {
    stubFacebook("me-accounts-2026-11-20.json");
    String state = query(Tab.loggedIn(this, "quantri").get("/connect/facebook?channel=FB-SKHCN").headers()
        .firstValue("Location").orElseThrow()).get("state");
    Tab other = new Tab(this);

    HttpResponse<String> r = other.get("/connect/facebook/callback?code=fb-code-123&state=" + state);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("trình duyệt hoặc phiên khác");
    assertThat(linked()).isEmpty();
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void deniedConsentConnectsNothingAndSaysHowToRetry() {
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/facebook?channel=FB-SKHCN").headers().firstValue("Location")
        .orElseThrow()).get("state");

    HttpResponse<String> r = admin.get("/connect/facebook/callback?error=access_denied&error_code=200"
        + "&error_description=Permissions+error&error_reason=user_denied&state=" + state);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("quyền truy cập không được cấp").contains("access_denied");
    assertThat(linked()).isEmpty();
  }

  @Test
  void anExpiredCodeIsExplained() {
    wm.stubFor(post(urlPathEqualTo("/v26.0/oauth/access_token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(fixture("facebook/error-code-expired-2026-11-20.json"))));
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/facebook?channel=FB-SKHCN").headers().firstValue("Location")
        .orElseThrow()).get("state");

    HttpResponse<String> r = admin.get("/connect/facebook/callback?code=fb-code-old&state=" + state);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("mã xác thực đã hết hạn").contains("Kết nối");
    assertThat(linked()).isEmpty();
  }

  @Test
  void aUserManagingNoRegisteredPageConnectsNothingAndIsOfferedTheirPage() {
    stubFacebook("me-accounts-unregistered-2026-11-20.json");
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/facebook?channel=FB-XTH").headers().firstValue("Location")
        .orElseThrow()).get("state");

    HttpResponse<String> r = admin.get("/connect/facebook/callback?code=fb-code-123&state=" + state);

    assertThat(r.body()).contains("Chưa kết nối Facebook").contains("không quản lý Trang của kênh FB-XTH")
        .contains("platformId=120394857610293");
    assertThat(linked()).isEmpty();
  }

  @Test
  void aPagingLinkToAnotherHostIsNotFollowedWithTheToken() {
    stubFacebook("me-accounts-2026-11-20.json");
    wm.stubFor(get(urlPathEqualTo("/v26.0/me/accounts")).atPriority(1).willReturn(okJson(
        fixture("facebook/me-accounts-2026-11-20.json").replace("\"paging\": {", "\"paging\": {\"next\":"
            + " \"https://graph.example.net/v26.0/me/accounts?access_token=EAAGlongLived&after=MTIw\","))));
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/facebook?channel=FB-SKHCN").headers().firstValue("Location")
        .orElseThrow()).get("state");

    HttpResponse<String> r = admin.get("/connect/facebook/callback?code=fb-code-123&state=" + state);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("sang máy chủ khác (graph.example.net)");
    assertThat(linked()).isEmpty();
  }

  @Test
  void onlyAdminsStartAFlow() {
    assertThat(Tab.loggedIn(this, "canbo").get("/connect/facebook?channel=FB-SKHCN").statusCode()).isEqualTo(403);
    assertThat(new Tab(this).get("/connect/zalo?channel=ZL-XTH").statusCode()).isEqualTo(303);
  }

  @Test
  void zaloFlowWithPkceStoresTheOaPairSealed() {
    wm.stubFor(post(urlPathEqualTo("/v4/oa/access_token")).withHeader("secret_key", equalTo(ZALO_SECRET))
        .withRequestBody(containing("code=zalo-code-456")).withRequestBody(containing("grant_type=authorization_code"))
        .willReturn(okJson(fixture("zalo/oauth-authorization-code-2026-11-20.json"))));
    wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa")).withHeader("access_token",
        equalTo("zaloOaAccessTokenFromConnectFlow2026Nov20Aa")).willReturn(okJson(fixture("zalo/getoa-2026-04-20.json")
            .replace("2947102938475610293", ZALO_OA).replace("Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
                "UBND xã Tân Hồng"))));
    Tab admin = Tab.loggedIn(this, "quantri");
    String location = admin.get("/connect/zalo?channel=ZL-XTH").headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(wm.baseUrl() + "/v4/oa/permission?");
    Map<String, String> p = query(location);
    assertThat(p).containsEntry("app_id", "3106985563419475123")
        .containsEntry("redirect_uri", base + "/connect/zalo/callback");

    HttpResponse<String> r = admin.get("/connect/zalo/callback?code=zalo-code-456&oa_id=" + ZALO_OA + "&state="
        + p.get("state"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Đã kết nối Zalo OA").contains("ZL-XTH").contains("UBND xã Tân Hồng");
    LoggedRequest token = wm.findAll(postRequestedFor(urlPathEqualTo("/v4/oa/access_token"))).get(0);
    String verifier = query("?" + token.getBodyAsString()).get("code_verifier");
    assertThat(ConnectState.challenge(verifier)).as("S256 of the verifier is the challenge sent")
        .isEqualTo(p.get("code_challenge"));
    PlatformAccount a = linked().get("ZL-XTH");
    assertThat(a.getAccount()).isEqualTo(ZALO_OA);
    assertThat(a.secrets(box).refreshToken()).isEqualTo("zaloOaRefreshTokenFromConnectFlow2026Nov20Bb");
    assertThat(a.getExpiresAt()).isEqualTo(CLOCK.instant().plus(ZaloTokenStore.REFRESH_LIFETIME));
  }

  @Test
  void aZaloGrantOfAnotherOaIsRefused() {
    Tab admin = Tab.loggedIn(this, "quantri");
    String state = query(admin.get("/connect/zalo?channel=ZL-XTH").headers().firstValue("Location").orElseThrow())
        .get("state");

    HttpResponse<String> r = admin.get("/connect/zalo/callback?code=zalo-code-456&oa_id=999&state=" + state);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("không phải OA của kênh ZL-XTH");
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  Map<String, PlatformAccount> linked() {
    return db.inTransaction(s -> Accounts.list(s).stream().collect(Collectors.toMap(l -> l.channel().getCode(),
        Accounts.Linked::account)));
  }

  static java.net.HttpCookie cookieOf(String name, String value) {
    java.net.HttpCookie c = new java.net.HttpCookie(name, value);
    c.setPath("/connect");
    c.setVersion(0);
    return c;
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new HashMap<>();
    String q = url.substring(url.indexOf('?') + 1);
    for (String kv : q.split("&")) {
      int eq = kv.indexOf('=');
      out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** One browser tab with its own cookies; follows no redirect. */
  static final class Tab {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final ConnectFlowTest test;

    Tab(ConnectFlowTest test) {
      this.test = test;
    }

    static Tab loggedIn(ConnectFlowTest test, String user) {
      Tab t = new Tab(test);
      Matcher m = CSRF.matcher(t.get("/login").body());
      assertThat(m.find()).isTrue();
      HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(test.base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
              + m.group(1))));
      assertThat(r.statusCode()).as("login").isEqualTo(303);
      return t;
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
          .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(test.base + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
      try {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
