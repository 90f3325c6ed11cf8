package vn.minhchung.harvester.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.zalo.ZaloAnswer;
import vn.minhchung.harvester.connector.zalo.ZaloClient;
import vn.minhchung.harvester.connector.zalo.ZaloParser;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;
import vn.minhchung.review.web.AccountConnect;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;

/**
 * The platform side of the web UI's connect flows. Facebook Login: one grant stores the Page token of every
 * registered Page the user manages (one grant can connect several channels) and offers the others as new channels.
 * Zalo OA OAuth v4 with PKCE: the pair of the OA that granted, which must be the channel's OA.
 */
public final class PlatformConnect implements AccountConnect {
  private final Credentials credentials;
  private final HttpFetcher http;
  private final Settings settings;
  private final Clock clock;

  public PlatformConnect(Credentials credentials, HttpFetcher http, Settings settings, Clock clock) {
    this.credentials = credentials;
    this.http = http;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Optional<String> notReady(String platform) {
    if (platform.equals("facebook")) {
      return FacebookLogin.notReady(settings);
    }
    List<String> missing = new ArrayList<>();
    for (String k : List.of("platforms.zalo.appId", "platforms.zalo.secretKey", "web.publicUrl")) {
      if (settings.get(k).isEmpty()) {
        missing.add(k);
      }
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of("chưa cấu hình " + String.join(", ", missing)
        + " (ứng dụng Zalo của trung tâm và địa chỉ công khai của máy chủ) nên chưa kết nối được OA;"
        + " vẫn có thể nhập cặp token bằng lệnh 'credentials set … --refresh-token-stdin'.");
  }

  @Override
  public boolean platformWide(String platform) {
    return switch (platform) {
      case "facebook" -> settings.get("platforms.facebook.accessToken").isPresent();
      case "youtube" -> settings.get("platforms.youtube.apiKey").isPresent();
      default -> settings.get("platforms.zalo.accessToken").isPresent();
    };
  }

  @Override
  public URI authorizeUrl(String platform, String state, String codeChallenge, URI redirectUri) {
    if (platform.equals("facebook")) {
      return new FacebookLogin(http, settings).dialogUrl(state, redirectUri);
    }
    String base = settings.uri("platforms.zalo.oauthBaseUrl").orElseThrow().toString().replaceAll("/+$", "");
    return URI.create(base + "/v4/oa/permission?app_id=" + enc(settings.string("platforms.zalo.appId"))
        + "&redirect_uri=" + enc(redirectUri.toString()) + "&code_challenge=" + enc(codeChallenge) + "&state="
        + enc(state));
  }

  @Override
  public Outcome complete(String platform, Map<String, String> callback, String channelCode, String codeVerifier,
      URI redirectUri, String actor) {
    try {
      return platform.equals("facebook") ? facebook(callback.get("code"), channelCode, redirectUri, actor)
          : zalo(callback, channelCode, codeVerifier, actor);
    } catch (ConnectorException e) {
      throw new ConnectFailed(e.getMessage(), e);
    }
  }

  private Outcome facebook(String code, String channelCode, URI redirectUri, String actor) throws ConnectorException {
    FacebookLogin login = new FacebookLogin(http, settings);
    List<FacebookLogin.ManagedPage> pages = login.pages(login.userToken(code, redirectUri));
    List<ChannelSpec> registered = credentials.channels(ChannelKind.FACEBOOK_PAGE);
    List<String> connected = new ArrayList<>();
    List<Offered> offered = new ArrayList<>();
    for (FacebookLogin.ManagedPage p : pages) {
      List<ChannelSpec> matching = new ArrayList<>();
      for (ChannelSpec c : registered) {
        String id = FacebookConnector.pageId(c);
        if (id.equals(p.id()) || (p.username() != null && id.equalsIgnoreCase(p.username()))) {
          matching.add(c);
        }
      }
      if (matching.isEmpty()) {
        offered.add(new Offered(p.id(), p.name(), "https://www.facebook.com/" + (p.username() != null ? p.username()
            : p.id())));
        continue;
      }
      credentials.store(new Accounts.Grant("facebook", p.id(), "page_token", new AccountSecrets(p.token(), null), null,
          p.name(), FacebookLogin.SCOPES), matching.stream().map(ChannelSpec::id).toList(), actor);
      matching.forEach(c -> connected.add(c.code()));
    }
    List<String> remarks = new ArrayList<>();
    if (pages.isEmpty()) {
      remarks.add("Tài khoản Facebook vừa đăng nhập không quản lý Trang nào (hoặc chưa chọn Trang khi cấp quyền)."
          + " Đăng nhập bằng tài khoản quản trị Trang của kênh " + channelCode + " rồi bấm \"Kết nối\" lại.");
    } else if (!connected.contains(channelCode)) {
      remarks.add("Tài khoản này không quản lý Trang của kênh " + channelCode + "; kênh đó chưa được kết nối. Đề nghị"
          + " quản trị viên của Trang ấy bấm \"Kết nối\".");
    }
    return new Outcome(connected, offered, remarks);
  }

  private Outcome zalo(Map<String, String> callback, String channelCode, String codeVerifier, String actor)
      throws ConnectorException {
    ChannelSpec channel = credentials.spec(channelCode);
    String oaId = callback.get("oa_id");
    Optional<String> expected = channel.platformId();
    if (oaId != null && expected.isPresent() && !expected.get().equals(oaId)) {
      throw new ConnectFailed("OA vừa cấp quyền (" + oaId + ") không phải OA của kênh " + channelCode + " ("
          + expected.get() + "). Đăng nhập bằng tài khoản quản trị đúng OA rồi bấm \"Kết nối\" lại.");
    }
    ZaloClient client = new ZaloClient(http, settings.uri("platforms.zalo.apiBaseUrl").orElseThrow(),
        settings.uri("platforms.zalo.oauthBaseUrl").orElseThrow());
    HttpResult r = client.authorize(settings.string("platforms.zalo.appId"), settings.string("platforms.zalo.secretKey"),
        callback.get("code"), codeVerifier, channelCode);
    ZaloAnswer<ZaloParser.Grant> g = ZaloParser.parseGrant(r.body(), client.tokenUri(), clock);
    if (g instanceof ZaloAnswer.Failed<ZaloParser.Grant> f) {
      throw new ConnectFailed("Zalo từ chối cấp token (mã " + f.error() + ": " + f.message() + "). Mã xác thực chỉ"
          + " dùng được một lần và trong thời gian ngắn: bấm \"Kết nối\" lại.");
    }
    ZaloParser.Grant grant = ((ZaloAnswer.Ok<ZaloParser.Grant>) g).value();
    AccountIdentity who = credentials.identify(channel, "zalo", grant.tokens().accessToken());
    if (oaId != null && !oaId.equals(who.account())) {
      throw new ConnectFailed("Token Zalo thuộc OA " + who.account() + " nhưng Zalo báo OA " + oaId
          + " đã cấp quyền; bấm \"Kết nối\" lại.");
    }
    Instant now = clock.instant();
    credentials.store(new Accounts.Grant("zalo", who.account(), "oa_token", new AccountSecrets(
        grant.tokens().accessToken(), grant.tokens().refreshToken()), now.plus(ZaloTokenStore.REFRESH_LIFETIME),
        who.name(), null), List.of(channel.id()), actor);
    return new Outcome(List.of(channelCode), List.of(), List.of("OA " + (who.name() == null ? who.account()
        : who.name()) + " đã cấp quyền; token được làm mới tự động khi thu thập."));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
