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
  private final LoginThrottle throttle = new LoginThrottle(5, 30, Duration.ofMinutes(15));

  AuthRoutes(Ui ui) {
    this.ui = ui;
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
      WebServer.setSessionCookie(ctx, s);
    }
    ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""), Map.of("username", "", "error", ""));
  }

  private void login(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
    String address = ctx.ip();
    if (throttle.blocked(name, address, ui.now())) {
      ui.db.runInTransaction(s -> AuditLog.append(s, ui.now(), name.isEmpty() ? "-" : name, "login.blocked", "app_user", name,
          null, "{\"ip\":\"" + address + "\"}"));
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
            "app_user", name, null, "{\"ip\":\"" + address + "\"}");
        return u.map(a -> new WebUser(a.getId(), a.getUsername(), Role.fromCode(a.getRole()).orElse(Role.VIEWER)));
      });
      if (user.isEmpty()) {
        throttle.failed(name, address, ui.now());
        ctx.status(401);
        ui.render(ctx, "login.jte", ui.page(ctx, "Đăng nhập", ""),
            Map.of("username", name, "error", "Tên đăng nhập hoặc mật khẩu không đúng."));
        return;
      }
      throttle.succeeded(name);
      WebSession fresh = ui.sessions.rotate(Ui.session(ctx), user.get(), ui.now());
      WebServer.setSessionCookie(ctx, fresh);
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
