package vn.minhchung.review.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.review.auth.SessionStore;
import vn.minhchung.review.auth.WebSession;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/** What every route needs: database, blobs, clock, sessions, templates, and the per-request user checks. */
final class Ui {
  static final String SESSION_ATTR = "mc.session";
  final Database db;
  final BlobStore blobs;
  final Clock clock;
  final SessionStore sessions;
  final WebConfig config;
  final Optional<HarvestActions> actions;
  private final TemplateEngine templates;

  Ui(Database db, BlobStore blobs, Clock clock, SessionStore sessions, WebConfig config, Optional<HarvestActions> actions,
      TemplateEngine templates) {
    this.db = db;
    this.blobs = blobs;
    this.clock = clock;
    this.sessions = sessions;
    this.config = config;
    this.actions = actions;
    this.templates = templates;
  }

  Instant now() {
    return clock.instant();
  }

  static WebSession session(Context ctx) {
    return ctx.attribute(SESSION_ATTR);
  }

  static WebUser user(Context ctx) {
    WebSession s = session(ctx);
    if (s == null || s.user() == null) {
      throw new WebError(401, "Vui lòng đăng nhập.");
    }
    return s.user();
  }

  static WebUser reviewer(Context ctx) {
    WebUser u = user(ctx);
    if (!u.canReview()) {
      throw WebError.forbidden();
    }
    return u;
  }

  static WebUser admin(Context ctx) {
    WebUser u = user(ctx);
    if (!u.isAdmin()) {
      throw WebError.forbidden();
    }
    return u;
  }

  Page page(Context ctx, String title, String nav) {
    WebSession s = session(ctx);
    return new Page(title, nav, s == null ? null : s.user(), s == null ? "" : s.csrf(), s == null ? null : s.takeFlash());
  }

  /** Renders a template with the page model plus the given values. */
  void render(Context ctx, String template, Page page, Map<String, Object> model) {
    Map<String, Object> params = new HashMap<>(model);
    params.put("page", page);
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.html(out.toString());
  }

  static void redirect(Context ctx, String path, String flash) {
    WebSession s = session(ctx);
    if (s != null && flash != null) {
      s.flash(flash);
    }
    ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  static long pathId(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw WebError.notFound("mục này");
    }
  }
}
