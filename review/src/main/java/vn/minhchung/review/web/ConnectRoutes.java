package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SavedSessions;
import vn.minhchung.storage.credential.ConnectState;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.registry.Channel;

/**
 * "Tài khoản kết nối" and the OAuth connect flows (admin). A flow starts at {@code /connect/P?channel=CODE}: a
 * single-use state is stored (hashed) with the admin's name and a browser binding kept in a {@code MC_CONNECT}
 * cookie (SameSite=Lax, so it comes back on the platform's redirect where the session cookie, SameSite=Strict,
 * does not). The callback needs no session: the state and the binding prove who started it, within 10 minutes.
 */
final class ConnectRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectRoutes.class);
  static final String BINDING_COOKIE = "MC_CONNECT";
  static final List<String> PLATFORMS = List.of("facebook", "zalo");

  private final Ui ui;
  private final Optional<Connecting> connecting;

  ConnectRoutes(Ui ui, Optional<Connecting> connecting) {
    this.ui = ui;
    this.connecting = connecting;
  }

  /** Paths that need no session: the platforms' redirects back. */
  static boolean isCallback(String path) {
    return PLATFORMS.stream().anyMatch(p -> path.equals("/connect/" + p + "/callback"));
  }

  void register(Javalin app) {
    app.get("/accounts", this::list);
    for (String platform : PLATFORMS) {
      app.get("/connect/" + platform, ctx -> start(ctx, platform));
      app.get("/connect/" + platform + "/callback", ctx -> callback(ctx, platform));
    }
  }

  private void list(Context ctx) {
    Ui.admin(ctx);
    Page page = ui.page(ctx, "Tài khoản kết nối", "accounts");
    Instant now = ui.now();
    Duration warn = Duration.ofDays(ui.config.accountExpiryDays());
    java.util.Set<String> shared = new java.util.HashSet<>();
    connecting.ifPresent(c -> List.of("facebook", "zalo", "youtube").stream().filter(p -> c.platforms().platformWide(p))
        .forEach(shared::add));
    List<AccountRow> rows = ui.db.inTransaction(s -> rows(s, now, warn, shared));
    Map<String, Object> m = new HashMap<>();
    m.put("rows", rows);
    m.put("sessions", ui.db.inTransaction(s -> SavedSessions.list(s).stream().map(SessionRow::of).toList()));
    Map<String, String> notReady = new HashMap<>();
    for (String p : PLATFORMS) {
      notReady.put(p, connecting.map(c -> c.platforms().notReady(p).orElse(""))
          .orElse("Máy chủ này không chạy luồng kết nối (serve)."));
    }
    m.put("notReady", notReady);
    ui.render(ctx, "accounts.jte", page, m);
  }

  /** Every platform channel with its account; without one, {@code shared} says whether a settings credential serves it. */
  static List<AccountRow> rows(Session s, Instant now, Duration warn, java.util.Set<String> shared) {
    Map<Long, PlatformAccount> linked = new HashMap<>();
    Accounts.list(s).forEach(l -> linked.put(l.channel().getId(), l.account()));
    List<AccountRow> out = new ArrayList<>();
    for (Channel c : s.createSelectionQuery("from Channel c join fetch c.unit where c.kind in :kinds order by c.code",
        Channel.class).setParameter("kinds", List.of("facebook_page", "zalo_oa", "youtube_channel")).getResultList()) {
      PlatformAccount a = linked.get(c.getId());
      String platform = Accounts.platformOf(c.getKind()).orElseThrow();
      out.add(a == null
          ? new AccountRow(c.getId(), c.getCode(), c.getName(), c.getUnit().getName(), platform, null, null,
              shared.contains(platform) ? "shared" : "none", null, null, null, null)
          : new AccountRow(c.getId(), c.getCode(), c.getName(), c.getUnit().getName(), platform, a.getAccount(),
              a.getDisplayName(), a.status(now, warn).code(), a.getExpiresAt(), a.getLastSuccessAt(), a.getLastError(),
              a.getMasked()));
    }
    return out;
  }

  private void start(Context ctx, String platform) {
    WebUser admin = Ui.admin(ctx);
    Connecting c = connecting.orElseThrow(() -> new WebError(400, "Máy chủ này không chạy luồng kết nối tài khoản."));
    Optional<String> notReady = c.platforms().notReady(platform);
    if (notReady.isPresent()) {
      throw new WebError(400, notReady.get());
    }
    String code = Optional.ofNullable(ctx.queryParam("channel")).orElse("");
    ChannelKind expected = platform.equals("facebook") ? ChannelKind.FACEBOOK_PAGE : ChannelKind.ZALO_OA;
    Channel channel = ui.db.inTransaction(s -> s.createSelectionQuery("from Channel where code = :c", Channel.class)
        .setParameter("c", code).uniqueResult());
    if (channel == null || channel.getKind() != expected) {
      throw new WebError(400, "Kênh '" + code + "' không phải kênh " + (platform.equals("facebook") ? "Facebook"
          : "Zalo OA") + " trong danh mục.");
    }
    URI redirect = c.callback(platform).orElseThrow();
    ConnectState.Started st = ui.db.inTransaction(s -> ConnectState.start(s, c.box(), platform, code, admin.name(),
        platform.equals("zalo"), ui.now()));
    ctx.cookie(new Cookie(BINDING_COOKIE, st.binding(), "/connect", (int) ConnectState.LIFETIME.toSeconds(),
        redirect.getScheme().equals("https"), 0, true, null, null, SameSite.LAX));
    String challenge = st.codeVerifier() == null ? null : ConnectState.challenge(st.codeVerifier());
    ctx.redirect(c.platforms().authorizeUrl(platform, st.state(), challenge, redirect).toString(),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void callback(Context ctx, String platform) {
    Connecting c = connecting.orElseThrow(() -> WebError.notFound("trang này"));
    String binding = ctx.cookie(BINDING_COOKIE);
    ctx.removeCookie(BINDING_COOKIE, "/connect");
    ConnectState.Result r = ui.db.inTransaction(s -> ConnectState.consume(s, c.box(), platform, ctx.queryParam("state"),
        binding, ui.now()));
    if (r.flow().isEmpty()) {
      result(ctx, 400, platform, null, List.of(), List.of(), refusal(r.refusal().orElseThrow()));
      return;
    }
    ConnectState.Consumed flow = r.flow().get();
    String error = ctx.queryParam("error");
    if (error != null || ctx.queryParam("code") == null || ctx.queryParam("code").isBlank()) {
      LOG.info("connect {} for {} ended without a code: {} {}", platform, flow.channelCode(), error,
          ctx.queryParam("error_reason"));
      result(ctx, 400, platform, flow.channelCode(), List.of(), List.of(), "Chưa kết nối: quyền truy cập không được cấp"
          + (error == null ? "" : " (" + error + ")") + ". Nếu đây là nhầm lẫn, bấm \"Kết nối\" lại và chọn Đồng ý"
          + " cấp đủ quyền cho " + (platform.equals("facebook") ? "Trang." : "OA."));
      return;
    }
    Map<String, String> params = new HashMap<>();
    ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
    try {
      AccountConnect.Outcome o = c.platforms().complete(platform, params, flow.channelCode(), flow.codeVerifier(),
          c.callback(platform).orElseThrow(), flow.userName());
      result(ctx, 200, platform, flow.channelCode(), o.connected(), o.offered(), String.join(" ", o.remarks()));
    } catch (AccountConnect.ConnectFailed e) {
      LOG.warn("connect {} for {} failed: {}", platform, flow.channelCode(), e.getMessage());
      result(ctx, 400, platform, flow.channelCode(), List.of(), List.of(), e.getMessage());
    }
  }

  private static String refusal(ConnectState.Refusal why) {
    return switch (why) {
      case UNKNOWN_OR_USED -> "Liên kết kết nối không hợp lệ hoặc đã được dùng. Mở trang Tài khoản kết nối và bấm"
          + " \"Kết nối\" lại.";
      case OTHER_BROWSER -> "Luồng kết nối này được bắt đầu ở trình duyệt hoặc phiên khác. Bấm \"Kết nối\" lại từ"
          + " chính trình duyệt này.";
      case EXPIRED -> "Luồng kết nối đã quá 10 phút. Bấm \"Kết nối\" lại.";
      case OTHER_PLATFORM -> "Liên kết trả về không khớp nền tảng đã chọn. Bấm \"Kết nối\" lại.";
    };
  }

  private void result(Context ctx, int status, String platform, String channelCode, List<String> connected,
      List<AccountConnect.Offered> offered, String message) {
    ctx.status(status);
    Map<String, Object> m = new HashMap<>();
    m.put("platform", platform.equals("facebook") ? "Facebook" : "Zalo OA");
    m.put("channel", channelCode == null ? "" : channelCode);
    m.put("connected", connected);
    m.put("offered", offered);
    m.put("message", message == null ? "" : message);
    m.put("ok", status == 200 && !connected.isEmpty());
    ui.render(ctx, "connect-result.jte", new Page("Kết nối tài khoản", "accounts", null, "", null), m);
  }
}
