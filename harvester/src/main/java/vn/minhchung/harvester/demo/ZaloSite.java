package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.minhchung.harvester.demo.DemoContent.ZaloItem;
import vn.minhchung.harvester.demo.SiteServer.Request;
import vn.minhchung.harvester.demo.SiteServer.Response;
import vn.minhchung.storage.credential.ConnectState;

/**
 * The Zalo OA Open API for one OA, in the shapes ZaloClient and ZaloParser expect (fixtures/zalo/): the
 * {@code {error, message, data}} envelope with HTTP 200 even for errors, {@code /v2.0/article/getslice}
 * (type required, limit at most 10), {@code getdetail}, {@code /v2.0/oa/getoa}, the OAuth v4 consent page
 * {@code /v4/oa/permission} (PKCE S256) and {@code POST /v4/oa/access_token} for its code and for refreshes (a
 * refresh token works once). Article pages are {@code /oa/article/{id}}; the OA's public profile is {@code /<oaId>}.
 */
final class ZaloSite extends GrowingSite {
  static final String APP_ID = "4318520967341205871";
  static final String SECRET_KEY = "demo-zalo-secret-key";
  static final String ACCESS_TOKEN = "demo-zalo-access-token";
  static final String REFRESH_TOKEN = "demo-zalo-refresh-token";
  static final long FOLLOWERS = 86_420;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger grants = new AtomicInteger();
  /** Consent codes not yet exchanged, with their PKCE challenge. */
  private final Map<String, String> codes = new ConcurrentHashMap<>();

  ZaloSite(DemoContent content, Clock clock) {
    super(content, clock);
    accessTokens.add(ACCESS_TOKEN);
    refreshTokens.add(REFRESH_TOKEN);
  }

  String oaId() {
    return content.text("zalo", "oaId");
  }

  @Override
  public Response handle(Request r) {
    String p = r.path();
    if (p.equals("/v4/oa/access_token") && "POST".equals(r.method())) {
      return "authorization_code".equals(r.form().get("grant_type")) ? authorize(r) : refresh(r);
    }
    if (p.equals("/v4/oa/permission")) {
      return permission(r);
    }
    if (p.startsWith("/v2.0/")) {
      if (!accessTokens.contains(Optional.ofNullable(r.header("access_token")).orElse(""))) {
        return envelope(-216, "Access token is invalid", null);
      }
      return switch (p) {
        case "/v2.0/article/getslice" -> slice(r);
        case "/v2.0/article/getdetail" -> detail(r.param("id"));
        case "/v2.0/oa/getoa" -> envelope(0, "Success", JSON.createObjectNode()
            .put("oa_id", content.text("zalo", "oaId")).put("name", content.text("zalo", "name"))
            .put("description", "Kênh thông tin chính thống về chính quyền số tỉnh Bắc Ninh")
            .put("is_verified", true).put("num_follower", FOLLOWERS));
        default -> envelope(-209, "API is not supported for this application", null);
      };
    }
    if (p.startsWith("/oa/article/")) {
      return find(p.substring("/oa/article/".length())).map(a -> Response.html(ZaloPages.article(content, a,
          views(a), shares(a)))).orElseGet(Response::notFound);
    }
    if (p.equals("/" + oaId())) {
      return Response.html(ZaloPages.profile(content, content.zaloItems.stream().limit(8).toList(), FOLLOWERS));
    }
    if (p.startsWith("/img/")) {
      return Response.text(200, "image/svg+xml", Html.svg(Optional.ofNullable(r.param("t")).orElse("Zalo OA"),
          900, 500));
    }
    return Response.notFound();
  }

  private Response slice(Request r) {
    String type = r.param("type");
    int offset = parse(r.param("offset"), 0);
    int limit = parse(r.param("limit"), 10);
    if (type == null || !(type.equals("normal") || type.equals("video")) || limit > 10 || limit < 1) {
      return envelope(-201, "Parameters are invalid: type must be normal or video, limit at most 10", null);
    }
    if (offset == 0 && type.equals("normal")) {
      listingServed();
    }
    List<ZaloItem> all = content.zaloItems.stream().filter(a -> a.type().equals(type)).toList();
    ObjectNode data = JSON.createObjectNode();
    ArrayNode medias = data.putArray("medias");
    all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)).forEach(a -> medias.add(node(a)));
    data.put("total", all.size());
    return envelope(0, "Success", data);
  }

  private Response detail(String id) {
    Optional<ZaloItem> a = id == null ? Optional.empty() : find(id);
    if (a.isEmpty()) {
      return envelope(-201, "Article is not found", null);
    }
    ObjectNode n = node(a.get());
    n.put("description", a.get().description()).put("comment", "show");
    ArrayNode body = n.putArray("body");
    a.get().body().forEach(par -> body.addObject().put("type", "text").put("content", "<p>" + esc(par) + "</p>"));
    return envelope(0, "Success", n);
  }

  /**
   * The consent page an OA admin sees: the app asks for the OA's articles; "Đồng ý" goes back to the app's
   * {@code redirect_uri} with a single-use code bound to the PKCE challenge, "Từ chối" with an error.
   */
  private Response permission(Request r) {
    String appId = r.param("app_id");
    String redirect = r.param("redirect_uri");
    String challenge = r.param("code_challenge");
    String state = Optional.ofNullable(r.param("state")).orElse("");
    if (!APP_ID.equals(appId) || redirect == null || challenge == null) {
      return Response.text(400, "text/plain; charset=utf-8", "Yêu cầu cấp quyền không hợp lệ: thiếu app_id,"
          + " redirect_uri hoặc code_challenge");
    }
    String code = "demo-zalo-code-" + UUID.randomUUID();
    codes.put(code, challenge);
    String sep = redirect.contains("?") ? "&" : "?";
    String allow = redirect + sep + "code=" + enc(code) + "&oa_id=" + enc(oaId()) + "&state=" + enc(state);
    String deny = redirect + sep + "error=access_denied&error_description=" + enc("Người dùng từ chối cấp quyền")
        + "&state=" + enc(state);
    String body = "<main class=\"consent\"><h1>Cấp quyền cho ứng dụng</h1><p>Ứng dụng <b>Thu thập minh chứng"
        + " (demo)</b> xin quyền đọc bài viết, lượt xem và lượt chia sẻ của Official Account <b>"
        + esc(content.text("zalo", "name")) + "</b>.</p><p><a class=\"allow\" href=\"" + esc(allow)
        + "\">Đồng ý</a> <a class=\"deny\" href=\"" + esc(deny) + "\">Từ chối</a></p></main>";
    return Response.html(Html.page("Zalo – Cấp quyền cho ứng dụng", "zalo-consent", "", body));
  }

  /** The first pair of an OA: the code is spent once and the verifier must hash to the consent's challenge. */
  private Response authorize(Request r) {
    Map<String, String> form = r.form();
    if (!SECRET_KEY.equals(r.header("secret_key")) || !APP_ID.equals(form.get("app_id"))) {
      return oauthError(-14002, "Invalid app", "app_id or secret_key is invalid");
    }
    String challenge = codes.remove(Optional.ofNullable(form.get("code")).orElse(""));
    String verifier = form.get("code_verifier");
    if (challenge == null || verifier == null || !challenge.equals(ConnectState.challenge(verifier))) {
      return oauthError(-14019, "Invalid authorization code", "Authorization code is invalid, used or expired");
    }
    return grant();
  }

  private static Response oauthError(int code, String name, String description) {
    return Response.json(200, JSON.createObjectNode().put("error", code).put("error_name", name)
        .put("error_description", description).toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Response refresh(Request r) {
    Map<String, String> form = r.form();
    if (!SECRET_KEY.equals(r.header("secret_key")) || !APP_ID.equals(form.get("app_id"))) {
      return Response.json(200, JSON.createObjectNode().put("error", -14002).put("error_name", "Invalid app")
          .put("error_description", "app_id or secret_key is invalid").toString());
    }
    if (!refreshTokens.remove(Optional.ofNullable(form.get("refresh_token")).orElse(""))) {
      return Response.json(200, JSON.createObjectNode().put("error", -14020).put("error_name", "Invalid refresh token")
          .put("error_description", "Refresh token is invalid or has been used").toString());
    }
    return grant();
  }

  private Response grant() {
    int n = grants.incrementAndGet();
    String access = ACCESS_TOKEN + "-" + n;
    String refresh = REFRESH_TOKEN + "-" + n;
    accessTokens.add(access);
    refreshTokens.add(refresh);
    return Response.json(200, JSON.createObjectNode().put("access_token", access).put("refresh_token", refresh)
        .put("expires_in", "90000").toString());
  }

  private ObjectNode node(ZaloItem a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id()).put("type", a.type()).put("title", a.title()).put("author", content.text("zalo", "author"))
        .put("create_date", a.postedAt().toEpochMilli()).put("update_date", a.postedAt().toEpochMilli() + 3_600_000L)
        .put("status", "show");
    n.putObject("cover").put("cover_type", "photo").put("photo_url", base + cover(a)).put("status", "show");
    n.put("total_view", views(a)).put("total_share", shares(a));
    n.put("link", base + "/oa/article/" + a.id());
    return n;
  }

  static String cover(ZaloItem a) {
    return "/img/oa-" + a.id() + ".svg?t=" + URLEncoder.encode(a.title().length() > 40 ? a.title().substring(0, 40)
        + "…" : a.title(), StandardCharsets.UTF_8);
  }

  private long views(ZaloItem a) {
    return a.views().at(a.postedAt(), now(), round());
  }

  private long shares(ZaloItem a) {
    return a.shares().at(a.postedAt(), now(), round());
  }

  private Instant now() {
    return clock.instant();
  }

  private Optional<ZaloItem> find(String id) {
    return content.zaloItems.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  private static Response envelope(int error, String message, Object data) {
    ObjectNode root = JSON.createObjectNode().put("error", error).put("message", message);
    if (data instanceof ObjectNode o) {
      root.set("data", o);
    }
    return Response.json(200, root.toString());
  }

  private static int parse(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
