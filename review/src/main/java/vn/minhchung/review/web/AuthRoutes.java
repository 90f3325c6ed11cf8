package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.review.auth.LoginThrottle;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.review.auth.WebSession;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.user.AppUser;

/** Login and logout; every attempt is audited, failed attempts are throttled. */
final class AuthRoutes {
  private final Ui ui;
  private final LoginThrottle throttle;

  AuthRoutes(Ui ui) {
    this.ui = ui;
    this.throttle = new LoginThrottle(ui.db, 5, 30, Duration.ofMinutes(15));
  }

  void register(Javalin app) {
    app.get("/login", this::form);
    app.post("/login", this::login);
    app.post("/logout", this::logout);
  }

  private void form(Context ctx) {
    WebSession s = Ui.session(ctx);
    if (s != null && s.user() != null) {
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    if (s == null) {
      s = ui.sessions.create(null, ui.now());
      ctx.attribute(Ui.SESSION_ATTR, s);
      WebServer.setSessionCookie(ctx, s, ui.config);
    }
    ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""), Map.of("username", "", "error", ""));
  }

  private void login(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
    if (name.length() > Users.MAX_NAME) {
      // Refused before the throttle, the database and bcrypt: no stored name is this long.
      ctx.status(400);
      ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""),
          Map.of("username", "", "error", "Tên đăng nhập quá dài (tối đa " + Users.MAX_NAME + " ký tự)."));
      return;
    }
    String address = ctx.ip();
    LoginThrottle.Decision decision = throttle.reserve(name, address, ui.now());
    if (decision instanceof LoginThrottle.Blocked blocked) {
      if (blocked.firstInWindow()) {
        ui.db.runInTransaction(s -> AuditLog.append(s, ui.now(), name.isEmpty() ? "-" : name, "login.blocked",
            "app_user", name, null, Json.of("ip", address, "limit", blocked.reason(),
                "until", blocked.until().toString())));
      }
      ctx.status(429);
      ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""),
          Map.of("username", name, "error", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."));
      return;
    }
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    try {
      Optional<WebUser> user = ui.db.inTransaction(s -> {
        Optional<AppUser> u = Users.authenticate(s, name, password);
        u.ifPresent(a -> a.setLastLoginAt(ui.now()));
        AuditLog.append(s, ui.now(), name.isEmpty() ? "-" : name, u.isPresent() ? "login.success" : "login.failure",
            "app_user", name, null, Json.of("ip", address));
        return u.map(a -> new WebUser(a.getId(), a.getUsername(), Role.fromCode(a.getRole()).orElse(Role.VIEWER)));
      });
      if (user.isEmpty()) {
        ctx.status(401);
        ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""),
            Map.of("username", name, "error", "Tên đăng nhập hoặc mật khẩu không đúng."));
        return;
      }
      throttle.succeeded(name, address);
      WebSession fresh = ui.sessions.rotate(Ui.session(ctx), user.get(), ui.now());
      WebServer.setSessionCookie(ctx, fresh, ui.config);
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private void logout(Context ctx) {
    WebSession s = Ui.session(ctx);
    if (s != null) {
      ui.sessions.remove(s);
      if (s.user() != null) {
        ui.db.runInTransaction(db -> AuditLog.append(db, ui.now(), s.user().name(), "logout", "app_user", s.user().name(), null, null));
      }
    }
    ctx.removeCookie(WebServer.COOKIE, "/");
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
