package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.audit.AuditRecord;

/** The audit page: newest events first (keyset paging by id) and the result of verifying the whole hash chain. */
final class AuditRoutes {
  static final int PAGE_SIZE = 100;
  private final Ui ui;

  AuditRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/audit", this::audit);
  }

  private void audit(Context ctx) {
    // Logins, user names and addresses of everyone: for administrators only.
    Ui.admin(ctx);
    Long before = null;
    String b = ctx.queryParam("before");
    if (b != null && b.matches("\\d{1,18}")) {
      before = Long.valueOf(b);
    }
    String actor = ctx.queryParam("actor");
    Long cursor = before;
    Page page = ui.page(ctx, "Nhật ký thao tác", "audit");
    ui.db.runInTransaction(s -> {
      String hql = "from AuditEvent a where 1 = 1" + (cursor == null ? "" : " and a.id < :before")
          + (actor == null || actor.isBlank() ? "" : " and a.actor = :actor") + " order by a.id desc";
      var q = s.createSelectionQuery(hql, AuditEvent.class);
      if (cursor != null) {
        q.setParameter("before", cursor);
      }
      if (actor != null && !actor.isBlank()) {
        q.setParameter("actor", actor.trim());
      }
      List<AuditEvent> events = q.setMaxResults(PAGE_SIZE + 1).getResultList();
      Long next = events.size() > PAGE_SIZE ? events.get(PAGE_SIZE - 1).getId() : null;
      List<String> problems = AuditRecord.verifyChain(AuditLog.all(s).stream().map(AuditEvent::record).toList());
      long total = s.createSelectionQuery("select count(a) from AuditEvent a", Long.class).getSingleResult();
      Map<String, Object> m = new HashMap<>();
      m.put("events", events.subList(0, Math.min(PAGE_SIZE, events.size())));
      m.put("next", next == null ? "" : "/audit?before=" + next);
      m.put("problems", problems);
      m.put("total", total);
      m.put("actor", actor == null ? "" : actor);
      ui.render(ctx, "audit.jte", page, m);
    });
  }
}
