package vn.minhchung.harvester.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.facebook.FacebookClient;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;
import vn.minhchung.review.web.AccountConnect.ConnectFailed;

/**
 * The Facebook Login exchanges of the connect flow: the dialog address, code → user token, the long-lived user
 * token ({@code fb_exchange_token}), and the Page tokens of {@code /me/accounts}. The app secret and the tokens
 * travel in POST bodies and headers, never in a URL; paging links are followed only on the Graph host.
 */
final class FacebookLogin {
  /** What reading a Page's own posts with their counts needs (PLATFORMS.md). */
  static final String SCOPES = "pages_show_list,pages_read_engagement";
  /** A user managing more Pages than this is unusual; the cap stops a paging loop. */
  private static final int MAX_PAGES = 20;

  /** A Page the user manages, with its Page token. */
  record ManagedPage(String id, String name, String username, String token) {
    @Override
    public String toString() {
      return "ManagedPage[" + id + ", token masked]";
    }
  }

  private final HttpFetcher http;
  private final String graph;
  private final URI graphBase;
  private final String dialog;
  private final String appId;
  private final String appSecret;

  FacebookLogin(HttpFetcher http, Settings s) {
    this.http = http;
    String version = s.string("platforms.facebook.apiVersion");
    this.graphBase = s.uri("platforms.facebook.graphBaseUrl").orElseThrow();
    this.graph = trim(graphBase) + "/" + version;
    this.dialog = trim(s.uri("platforms.facebook.dialogBaseUrl").orElseThrow()) + "/" + version + "/dialog/oauth";
    this.appId = s.get("platforms.facebook.appId").orElse(null);
    this.appSecret = s.get("platforms.facebook.appSecret").orElse(null);
  }

  static Optional<String> notReady(Settings s) {
    List<String> missing = new ArrayList<>();
    if (s.get("platforms.facebook.appId").isEmpty()) {
      missing.add("platforms.facebook.appId");
    }
    if (s.get("platforms.facebook.appSecret").isEmpty()) {
      missing.add("platforms.facebook.appSecret");
    }
    if (s.get("web.publicUrl").isEmpty()) {
      missing.add("web.publicUrl");
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of("chưa cấu hình " + String.join(", ", missing)
        + " (ứng dụng Facebook của trung tâm và địa chỉ công khai của máy chủ) nên chưa kết nối được bằng Facebook Login;"
        + " vẫn có thể nhập token Trang bằng lệnh 'credentials set'.");
  }

  URI dialogUrl(String state, URI redirectUri) {
    return URI.create(dialog + "?client_id=" + enc(appId) + "&redirect_uri=" + enc(redirectUri.toString()) + "&state="
        + enc(state) + "&response_type=code&scope=" + enc(SCOPES));
  }

  /** The long-lived user token for the callback's code. */
  String userToken(String code, URI redirectUri) {
    String shortLived = token("client_id=" + enc(appId) + "&client_secret=" + enc(appSecret) + "&redirect_uri="
        + enc(redirectUri.toString()) + "&code=" + enc(code), "đổi mã xác thực lấy token");
    return token("grant_type=fb_exchange_token&client_id=" + enc(appId) + "&client_secret=" + enc(appSecret)
        + "&fb_exchange_token=" + enc(shortLived), "đổi token dài hạn");
  }

  /** The Pages the user manages, with their Page tokens (which do not expire when made from a long-lived token). */
  List<ManagedPage> pages(String userToken) {
    List<ManagedPage> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    URI uri = URI.create(graph + "/me/accounts?fields=" + enc("id,name,username,access_token,tasks") + "&limit=100");
    for (int i = 0; i < MAX_PAGES && uri != null; i++) {
      JsonNode root = read(get(uri, userToken), uri, "đọc danh sách Trang");
      for (JsonNode p : root.path("data")) {
        String id = JsonBodies.text(p, "id");
        String token = JsonBodies.text(p, "access_token");
        if (id != null && token != null && seen.add(id)) {
          out.add(new ManagedPage(id, JsonBodies.text(p, "name"), JsonBodies.text(p, "username"), token));
        }
      }
      uri = nextOnGraphHost(JsonBodies.text(root.path("paging"), "next"));
    }
    return out;
  }

  /** A paging link, only when it stays on the Graph host (it would carry the token), without any token in it. */
  private URI nextOnGraphHost(String next) {
    if (next == null) {
      return null;
    }
    URI n = URI.create(next);
    if (n.getHost() == null || !HttpFetcher.sameOrigin(graphBase, n)) {
      throw new ConnectFailed("Facebook trả về liên kết phân trang sang máy chủ khác (" + n.getHost() + "); dừng để"
          + " không gửi token ra ngoài Graph API.");
    }
    return FacebookClient.withoutToken(n);
  }

  private String token(String form, String step) {
    URI uri = URI.create(graph + "/oauth/access_token");
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    HttpResult r;
    try {
      r = http.send(b);
    } catch (FetchException e) {
      throw new ConnectFailed("Không kết nối được tới Facebook để " + step + ": " + e.getMessage()
          + ". Thử lại sau ít phút.", e);
    }
    String token = JsonBodies.text(read(r, uri, step), "access_token");
    if (token == null) {
      throw new ConnectFailed("Facebook không trả token khi " + step + "; bấm \"Kết nối\" lại.");
    }
    return token;
  }

  private HttpResult get(URI uri, String token) {
    try {
      return http.get(uri, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    } catch (FetchException e) {
      throw new ConnectFailed("Không kết nối được tới Facebook: " + e.getMessage() + ". Thử lại sau ít phút.", e);
    }
  }

  /** The JSON of a successful answer; a Graph error becomes a message for the admin. */
  private static JsonNode read(HttpResult r, URI uri, String step) {
    JsonNode root;
    try {
      root = JsonBodies.read(r.body(), uri);
    } catch (ConnectorException e) {
      throw new ConnectFailed("Facebook trả lời không đọc được khi " + step + ": " + e.getMessage());
    }
    JsonNode err = root.path("error");
    if (err.isObject()) {
      int code = err.path("code").asInt();
      int sub = err.path("error_subcode").asInt();
      String why = code == 100 && sub == 36007 ? "mã xác thực đã hết hạn"
          : code == 100 && sub == 36009 ? "mã xác thực đã được dùng"
          : code == 190 ? "token không hợp lệ hoặc đã hết hạn"
          : code == 10 || (code >= 200 && code <= 299) ? "thiếu quyền " + SCOPES
          : "lỗi " + code + (sub == 0 ? "" : "/" + sub);
      throw new ConnectFailed("Facebook từ chối khi " + step + ": " + why + " (" + JsonBodies.text(err, "message")
          + "). Bấm \"Kết nối\" lại" + (why.startsWith("thiếu quyền") ? " và chọn cấp đủ quyền cho Trang." : "."));
    }
    if (!r.isSuccess()) {
      throw new ConnectFailed("Facebook trả HTTP " + r.status() + " khi " + step + "; thử lại sau.");
    }
    return root;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String trim(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
