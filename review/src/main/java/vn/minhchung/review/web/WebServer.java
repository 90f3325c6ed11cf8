package vn.minhchung.review.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.review.auth.SessionStore;
import vn.minhchung.review.auth.WebSession;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/**
 * The review web server. Every response carries the security headers; every POST must carry the session's
 * CSRF token (else 403); every page but the login page needs a signed-in session.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final String COOKIE = "MC_SESSION";
  /** The files of one upload form together may be this many times {@code web.uploadMaxBytes}. */
  static final int UPLOAD_TOTAL_FACTOR = 4;
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Javalin app;
  private final String host;

  private WebServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /** Starts the server (port 0 picks a free port) and returns once it listens. */
  public static WebServer start(WebConfig config, Database db, BlobStore blobs, Clock clock,
      Optional<HarvestActions> actions, Optional<Connecting> connecting) {
    TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    Ui ui = new Ui(db, blobs, clock, new SessionStore(db, config.sessionTimeout()), config, actions, templates);
    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.staticFiles.add(s -> {
        s.hostedPath = "/static";
        s.directory = "/web-static";
        s.location = Location.CLASSPATH;
      });
      // Uploads are size-checked by content after parsing; Jetty's limits sit just above so it never buffers more.
      // One form may carry several files: each up to the limit, together up to UPLOAD_TOTAL_FACTOR times it.
      cfg.http.maxRequestSize = config.uploadMaxBytes() * UPLOAD_TOTAL_FACTOR + 1024 * 1024;
      cfg.jetty.multipartConfig.maxFileSize(config.uploadMaxBytes() + 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxTotalRequestSize(config.uploadMaxBytes() * UPLOAD_TOTAL_FACTOR + 2 * 1024 * 1024,
          io.javalin.config.SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
    });
    app.before(ctx -> guard(ui, ctx));
    app.exception(WebError.class, (e, ctx) -> error(ui, ctx, e.status(), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      error(ui, ctx, 500, "Đã xảy ra lỗi hệ thống; chi tiết được ghi trong nhật ký máy chủ.");
    });
    // Javalin answers an unknown path with English plain text; every 404 not rendered by us gets the Vietnamese page.
    app.error(404, ctx -> {
      if (!Boolean.TRUE.equals(ctx.attribute(ERROR_RENDERED))) {
        error(ui, ctx, 404, "Không tìm thấy trang này. Kiểm tra lại địa chỉ hoặc quay về trang tổng quan.");
      }
    });
    new AuthRoutes(ui).register(app);
    DashboardRoutes dashboard = new DashboardRoutes(ui);
    dashboard.register(app);
    new DossierRoutes(ui, dashboard).register(app);
    new EvidenceRoutes(ui).register(app);
    new ChannelRoutes(ui).register(app);
    new ItemRoutes(ui).register(app);
    new UploadRoutes(ui).register(app);
    new AuditRoutes(ui).register(app);
    new AlertRoutes(ui).register(app);
    new RegistryRoutes(ui).register(app);
    new RegistryEditRoutes(ui).register(app);
    new NodeRoutes(ui).register(app);
    new UserRoutes(ui).register(app);
    new ConnectRoutes(ui, connecting).register(app);
    app.start(config.host(), config.port());
    return new WebServer(app, config.host());
  }

  public int port() {
    return app.port();
  }

  public URI uri() {
    String h = host.equals("0.0.0.0") ? "localhost" : host;
    return URI.create("http://" + h + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void guard(Ui ui, Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    if (ctx.path().startsWith("/static/")) {
      ctx.header("Cache-Control", "max-age=3600");
      return;
    }
    WebSession session = ui.sessions.get(ctx.cookie(COOKIE), ui.now()).orElse(null);
    if (session != null) {
      ctx.attribute(Ui.SESSION_ATTR, session);
    }
    if (ctx.method() == HandlerType.POST) {
      String token;
      try {
        token = ctx.formParam("_csrf");
      } catch (RuntimeException e) {
        // Jetty refuses a multipart body over its limits while parsing it.
        throw new WebError(413, "Yêu cầu quá lớn: mỗi tệp tải lên tối đa " + ui.config.uploadMaxBytes() / (1024 * 1024)
            + " MB, tất cả các tệp của một lần tối đa " + ui.config.uploadMaxBytes() * UPLOAD_TOTAL_FACTOR / (1024 * 1024) + " MB.");
      }
      if (session == null || !SessionStore.csrfMatches(session, token)) {
        throw new WebError(403, "Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang và thử lại.");
      }
    }
    boolean open = ctx.path().equals("/login") || ConnectRoutes.isCallback(ctx.path());
    if (!open && (session == null || session.user() == null)) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new WebError(401, "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.");
    }
  }

  /** The session cookie: HttpOnly, SameSite=Strict, and Secure when users reach the server over https. */
  static void setSessionCookie(Context ctx, WebSession s, WebConfig config) {
    ctx.cookie(new Cookie(COOKIE, s.id(), "/", -1, config.secureCookies(), 0, true, null, null, SameSite.STRICT));
  }

  private static final String ERROR_RENDERED = "mc.errorRendered";

  private static void error(Ui ui, Context ctx, int status, String message) {
    ctx.attribute(ERROR_RENDERED, true);
    ctx.status(status);
    ui.render(ctx, "error.jte", ui.page(ctx, status == 403 ? "Không có quyền" : status == 404 ? "Không tìm thấy" : "Lỗi " + status, ""),
        Map.of("status", status, "message", message));
  }
}
