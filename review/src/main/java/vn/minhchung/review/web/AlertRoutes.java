package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.audit.AuditLog;

/**
 * The open alerts with what to do about each, and their acknowledgement ("Đã tiếp nhận"): a reviewer records
 * that they have it in hand, with a note. Acknowledging is audited ({@code alert.acknowledge}); the alert stays
 * open until its condition clears.
 */
final class AlertRoutes {
  static final int NOTE_MAX = 1000;
  private final Ui ui;

  AlertRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/alerts", ctx -> {
      Ui.user(ctx);
      list(ctx, ui.page(ctx, "Cảnh báo", "dashboard"), "", 0, 200);
    });
    app.post("/alerts/{id}/ack", this::acknowledge);
  }

  private void list(Context ctx, Page page, String note, long failedId, int status) {
    ctx.status(status);
    ui.db.runInTransaction(s -> ui.render(ctx, "alerts-page.jte", page,
        Map.of("alerts", OpenAlerts.load(s), "note", note, "failedId", failedId)));
  }

  private void acknowledge(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    String typed = ctx.formParam("note") == null ? "" : ctx.formParam("note");
    String note = VietnameseText.nfc(typed.strip());
    if (note.length() > NOTE_MAX) {
      list(ctx, ui.page(ctx, "Cảnh báo", "dashboard").withError("Ghi chú dài quá " + NOTE_MAX
          + " ký tự; hãy rút gọn."), typed, id, 400);
      return;
    }
    String done = ui.db.inTransaction(s -> {
      Alert a = s.find(Alert.class, id);
      if (a == null || !a.isOpen()) {
        throw WebError.notFound("cảnh báo #" + id + " (có thể đã được giải quyết)");
      }
      String before = Json.of("acknowledgedBy", a.getAcknowledgedBy(), "note", a.getAckNote());
      a.acknowledge(user.name(), note.isEmpty() ? null : note, ui.now());
      AuditLog.append(s, ui.now(), user.name(), "alert.acknowledge", "alert", a.getKey(), before,
          Json.of("acknowledgedBy", user.name(), "note", a.getAckNote()));
      return Fmt.alertKind(a.getKind());
    });
    Ui.redirect(ctx, "/alerts#canh-bao-" + id, "Đã tiếp nhận cảnh báo “" + done + "”.");
  }
}
