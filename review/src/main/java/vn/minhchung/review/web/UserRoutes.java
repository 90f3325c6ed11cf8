package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.review.auth.PasswordRules;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.user.AppUser;

/** Users (admin only): list, add with a role, lock and unlock; a locked user's sessions end at once. */
final class UserRoutes {
  private final Ui ui;

  UserRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/users", ctx -> {
      Ui.admin(ctx);
      list(ctx, "", 200, "", Role.VIEWER.code());
    });
    app.post("/users", this::add);
    app.post("/users/{id}/active", this::toggle);
  }

  /** The page; {@code typedName} and {@code typedRole} refill the add form after a failure (never the password). */
  private void list(Context ctx, String error, int status, String typedName, String typedRole) {
    Page page = ui.page(ctx, "Người dùng", "users");
    ctx.status(status);
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("users", s.createSelectionQuery("from AppUser u order by u.username", AppUser.class).getResultList());
      m.put("roles", List.of(Role.values()));
      m.put("error", error);
      m.put("typedName", typedName);
      m.put("typedRole", typedRole);
      ui.render(ctx, "users.jte", page, m);
    });
  }

  private void add(Context ctx) {
    WebUser admin = Ui.admin(ctx);
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
    Optional<Role> role = Role.fromCode(Optional.ofNullable(ctx.formParam("role")).orElse(""));
    char[] pw = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    char[] again = Optional.ofNullable(ctx.formParam("password2")).orElse("").toCharArray();
    String typedRole = role.map(Role::code).orElse(Role.VIEWER.code());
    try {
      if (role.isEmpty()) {
        list(ctx, "Chọn vai trò.", 422, name, typedRole);
        return;
      }
      if (!Arrays.equals(pw, again)) {
        list(ctx, "Hai lần nhập mật khẩu không khớp.", 422, name, typedRole);
        return;
      }
      try {
        ui.db.runInTransaction(s -> Users.add(s, name, role.get(), pw, admin.name(), ui.now()));
      } catch (PasswordRules.WeakPassword e) {
        list(ctx, "Không tạo được người dùng: " + e.vietnamese(), 422, name, typedRole);
        return;
      } catch (IllegalArgumentException e) {
        list(ctx, "Không tạo được người dùng: tên 2–64 ký tự thường (a-z, 0-9, . _ -), mật khẩu tối thiểu "
            + Users.MIN_PASSWORD + " ký tự, tên chưa được dùng.", 422, name, typedRole);
        return;
      }
      Ui.redirect(ctx, "/users", "Đã tạo người dùng " + name + ".");
    } finally {
      Arrays.fill(pw, '\0');
      Arrays.fill(again, '\0');
    }
  }

  private void toggle(Context ctx) {
    WebUser admin = Ui.admin(ctx);
    long id = Ui.pathId(ctx, "id");
    AppUser u = ui.db.inTransaction(s -> {
      AppUser user = s.find(AppUser.class, id);
      if (user == null) {
        throw WebError.notFound("người dùng #" + id);
      }
      if (user.getUsername().equals(admin.name())) {
        throw new WebError(409, "Không thể tự khóa tài khoản đang dùng.");
      }
      String before = Json.of("active", user.isActive());
      user.setActive(!user.isActive());
      AuditLog.append(s, ui.now(), admin.name(), user.isActive() ? "user.enable" : "user.disable", "app_user",
          user.getUsername(), before, Json.of("active", user.isActive()));
      return user;
    });
    if (!u.isActive()) {
      ui.sessions.removeUser(u.getUsername());
    }
    Ui.redirect(ctx, "/users", (u.isActive() ? "Đã mở khóa " : "Đã khóa ") + u.getUsername() + ".");
  }
}
