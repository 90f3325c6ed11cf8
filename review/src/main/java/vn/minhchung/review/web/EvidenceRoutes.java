package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.review.queue.EvidenceFilter;
import vn.minhchung.review.queue.PostFlags;
import vn.minhchung.review.queue.EvidencePage;
import vn.minhchung.review.queue.EvidenceSearch;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.blob.BlobRecord;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.Unit;

/**
 * The evidence queue with its bulk decisions, the detail page (with the next item of the queue it was opened from),
 * review decisions, relinking, recapture and its live status, and blob downloads.
 */
final class EvidenceRoutes {
  static final int PAGE_SIZE = 50;
  private final Ui ui;

  EvidenceRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/evidence", this::queue);
    app.post("/evidence/bulk", this::bulk);
    app.get("/evidence/{id}", this::detail);
    app.post("/evidence/{id}/review", this::review);
    app.post("/evidence/{id}/links", this::relink);
    app.post("/evidence/{id}/suggestions/{item}", this::decideSuggestion);
    app.post("/evidence/{id}/recapture", this::recapture);
    app.get("/evidence/{id}/status", ctx -> {
      long id = Ui.pathId(ctx, "id");
      ctx.contentType("application/json; charset=utf-8").result(ui.db.inTransaction(s -> LiveStatus.ofEvidence(s, evidence(s, id), ui.now())).json());
    });
    app.post("/evidence/{id}/classify", this::classify);
    app.get("/blobs/{sha}", this::blob);
  }

  private void queue(Context ctx) {
    renderQueue(ctx, ui.page(ctx, "Minh chứng", "evidence"), filter(ctx), QueueContext.parse(ctx.queryString()), "");
  }

  /** The queue page of {@code f}; {@code bulkReason} refills the reject reason after a refused bulk action. */
  private void renderQueue(Context ctx, Page page, EvidenceFilter f, QueueContext context, String bulkReason) {
    ui.db.runInTransaction(s -> {
      EvidencePage result = EvidenceSearch.find(s, f, PAGE_SIZE);
      Map<String, Object> m = new HashMap<>();
      m.put("filter", f);
      m.put("result", result);
      m.put("total", EvidenceSearch.count(s, f));
      m.put("counts", EvidenceSearch.latestCounts(s, result.items()));
      m.put("context", context);
      m.put("bulkReason", bulkReason);
      m.put("plans", s.createSelectionQuery("from Plan p order by p.code", Plan.class).getResultList());
      m.put("units", s.createSelectionQuery("from Unit u order by u.name", Unit.class).getResultList());
      m.put("channels", s.createSelectionQuery("from Channel c order by c.name", Channel.class).getResultList());
      m.put("nextUrl", result.nextBeforeId() == null ? "" : nextUrl(ctx, result.nextBeforeId()));
      ui.render(ctx, "queue.jte", page, m);
    });
  }

  private void bulk(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    QueueContext context = QueueContext.parse(Optional.ofNullable(ctx.formParam(QueueContext.PARAM)).orElse(""));
    BulkReview.Action action = BulkReview.action(ctx.formParam("action"));
    String reason = Optional.ofNullable(ctx.formParam("reason")).map(String::trim).filter(r -> !r.isEmpty()).orElse(null);
    List<Long> ids = ctx.formParams("id").stream().map(v -> {
      try {
        return Long.valueOf(v);
      } catch (NumberFormatException e) {
        throw new WebError(400, "Mã minh chứng '" + v + "' không hợp lệ.");
      }
    }).distinct().toList();
    String problem = ids.isEmpty() ? "Chưa chọn minh chứng nào: đánh dấu các dòng cần xử lý rồi bấm lại."
        : ids.size() > BulkReview.MAX_ITEMS ? "Mỗi lần chỉ xử lý được tối đa " + BulkReview.MAX_ITEMS + " minh chứng; hãy chọn ít hơn."
        : action == BulkReview.Action.REJECT && reason == null
            ? "Cần ghi lý do khi từ chối: điền ô “Lý do từ chối” rồi bấm Từ chối các mục đã chọn." : null;
    if (problem != null) {
      ctx.status(400);
      renderQueue(ctx, ui.page(ctx, "Minh chứng", "evidence").withError(problem), context.filter(), context,
          Optional.ofNullable(ctx.formParam("reason")).orElse(""));
      return;
    }
    Long onlyItem = Optional.ofNullable(ctx.formParam("suggestionItem")).filter(v -> !v.isBlank()).map(v -> {
      try {
        return Long.valueOf(v);
      } catch (NumberFormatException e) {
        throw new WebError(400, "Nhiệm vụ '" + v + "' không hợp lệ.");
      }
    }).orElse(null);
    String done = ui.db.inTransaction(s -> BulkReview.apply(s, ids, action, reason, onlyItem, user.name(), ui.now()));
    Ui.redirect(ctx, context.queueUrl(), done);
  }

  /** The evidence page again, still in the queue the form came from (its {@code queue} field), if any. */
  private static String sameItem(Context ctx, long id) {
    String queue = ctx.formParam(QueueContext.PARAM);
    return queue == null ? "/evidence/" + id : QueueContext.parse(queue).evidenceUrl(id);
  }

  /**
   * After a decision on an evidence page opened from the queue, the next item of that queue opens (the queue
   * itself when none is left); opened on its own, the page stays.
   */
  private void afterDecision(Context ctx, long id, String done) {
    String queue = ctx.formParam(QueueContext.PARAM);
    if (queue == null) {
      Ui.redirect(ctx, "/evidence/" + id, done);
      return;
    }
    QueueContext context = QueueContext.parse(queue);
    Optional<Long> next = ui.db.inTransaction(s -> EvidenceSearch.nextId(s, context.filter(), id));
    // The page changes under the reviewer's eyes, so the message names the item decided.
    Ui.redirect(ctx, next.map(context::evidenceUrl).orElse(context.queueUrl()),
        "Minh chứng #" + id + ": " + Character.toLowerCase(done.charAt(0)) + done.substring(1) + (next.isPresent() ? " Đang mở minh chứng tiếp theo trong hàng chờ." : " Đã hết minh chứng trong hàng chờ."));
  }

  private static String nextUrl(Context ctx, long before) {
    StringBuilder sb = new StringBuilder("/evidence?");
    ctx.queryParamMap().forEach((k, vs) -> {
      if (!k.equals("before")) {
        vs.forEach(v -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
      }
    });
    return sb.append("before=").append(before).toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  static EvidenceFilter filter(Context ctx) {
    return filter(ctx::queryParam);
  }

  /** The queue filter from named parameters ({@code param} answers null for an absent one). */
  static EvidenceFilter filter(Function<String, String> param) {
    return new EvidenceFilter(text(param, "plan"), num(param, "item"), num(param, "unit"), num(param, "channel"),
        Optional.ofNullable(num(param, "component")).map(Long::intValue).orElse(null),
        oneOf(text(param, "status"), "pending", "approved", "rejected"), oneOf(text(param, "link"), "suggested", "confirmed"),
        date(param, "from"), date(param, "to"), text(param, "q"), num(param, "before"),
        Optional.ofNullable(text(param, "flag")).filter(PostFlags::known).orElse(null),
        Optional.ofNullable(text(param, "kind")).flatMap(vn.minhchung.config.registry.EvidenceKind::of)
            .map(vn.minhchung.config.registry.EvidenceKind::code).orElse(null));
  }

  private static String text(Function<String, String> param, String name) {
    String v = param.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Long num(Function<String, String> param, String name) {
    String v = text(param, name);
    try {
      return v == null ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      throw new WebError(400, "Giá trị '" + v + "' của bộ lọc " + name + " không phải là số.");
    }
  }

  private static LocalDate date(Function<String, String> param, String name) {
    String v = text(param, name);
    try {
      return v == null ? null : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new WebError(400, "Ngày '" + v + "' không hợp lệ; dùng định dạng ngày của trình duyệt.");
    }
  }

  private static String oneOf(String v, String... allowed) {
    return v != null && List.of(allowed).contains(v) ? v : null;
  }

  private void detail(Context ctx) {
    long id = Ui.pathId(ctx, "id");
    showDetail(ctx, id, ui.page(ctx, "Minh chứng #" + id, "evidence"), null, ctx.queryParam(QueueContext.PARAM));
  }

  /**
   * The detail page; {@code typedReason} (null when not re-showing a form) refills the review form, {@code queue}
   * (null when opened on its own) is the query string of the queue it was opened from.
   */
  private void showDetail(Context ctx, long id, Page page, String typedReason, String queue) {
    QueueContext context = queue == null ? null : QueueContext.parse(queue);
    ui.db.runInTransaction(s -> {
      EvidenceDetail d = EvidenceDetail.load(s, id).orElseThrow(() -> WebError.notFound("minh chứng #" + id));
      Map<String, Object> m = new HashMap<>();
      m.put("d", d);
      m.put("canRecapture", ui.actions.isPresent());
      m.put("typedReason", typedReason);
      m.put("context", context);
      m.put("nextUrl", context == null ? null : EvidenceSearch.nextId(s, context.filter(), id).map(context::evidenceUrl)
          .orElse(context.queueUrl()));
      m.put("live", LiveStatus.ofEvidence(s, d.evidence(), ui.now()));
      ui.render(ctx, "evidence.jte", page, m);
    });
  }

  private void review(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    String decision = ctx.formParam("decision");
    String reason = Optional.ofNullable(ctx.formParam("reason")).map(String::trim).filter(r -> !r.isEmpty()).orElse(null);
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      throw new WebError(400, "Quyết định không hợp lệ: chọn Duyệt hoặc Từ chối.");
    }
    if ("reject".equals(decision) && reason == null) {
      ctx.status(400);
      showDetail(ctx, id, ui.page(ctx, "Minh chứng #" + id, "evidence")
          .withError("Cần ghi lý do khi từ chối minh chứng: điền ô “Lý do / ghi chú” rồi bấm Từ chối."),
          Optional.ofNullable(ctx.formParam("reason")).orElse(""), ctx.formParam(QueueContext.PARAM));
      return;
    }
    String status = "approve".equals(decision) ? "approved" : "rejected";
    ui.db.runInTransaction(s -> BulkReview.review(s, evidence(s, id), status, reason, user.name(), ui.now()));
    afterDecision(ctx, id, "approve".equals(decision) ? "Đã duyệt minh chứng." : "Đã từ chối minh chứng.");
  }

  private void relink(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    List<Long> chosen = ctx.formParams("item").stream().map(v -> {
      try {
        return Long.valueOf(v);
      } catch (NumberFormatException e) {
        throw new WebError(400, "Nhiệm vụ '" + v + "' không hợp lệ.");
      }
    }).toList();
    ui.db.runInTransaction(s -> Relink.apply(s, evidence(s, id), chosen, user.name(), ui.now()));
    Ui.redirect(ctx, sameItem(ctx, id), "Đã cập nhật liên kết với nhiệm vụ.");
  }

  private void decideSuggestion(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    long item = Ui.pathId(ctx, "item");
    String decision = ctx.formParam("decision");
    if (!"confirm".equals(decision) && !"dismiss".equals(decision)) {
      throw new WebError(400, "Quyết định không hợp lệ: chọn Xác nhận hoặc Bỏ đề xuất.");
    }
    String[] code = new String[1];
    ui.db.runInTransaction(s -> {
      Relink.decide(s, evidence(s, id), item, "confirm".equals(decision), user.name(), ui.now());
      vn.minhchung.storage.registry.PlanItem i = s.find(vn.minhchung.storage.registry.PlanItem.class, item);
      code[0] = i.getCode();
    });
    boolean more = ui.db.inTransaction(s -> EvidenceDetail.load(s, id).map(EvidenceDetail::hasSuggestions).orElse(false));
    String done = "confirm".equals(decision)
        ? "Đã xác nhận liên kết với nhiệm vụ " + code[0] + "." : "Đã bỏ đề xuất liên kết với nhiệm vụ " + code[0] + ".";
    // The item stays open while it still has suggestions to decide.
    if (more) {
      Ui.redirect(ctx, sameItem(ctx, id), done);
    } else {
      afterDecision(ctx, id, done);
    }
  }

  private void classify(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    String c = Optional.ofNullable(ctx.formParam("component")).orElse("");
    int component;
    try {
      component = Integer.parseInt(c.trim());
    } catch (NumberFormatException e) {
      throw new WebError(400, "Thành phần '" + c + "' không hợp lệ: chọn một thành phần từ 1 đến 6.");
    }
    String kind = Optional.ofNullable(ctx.formParam("kind")).map(String::trim).orElse(Reclassify.AUTO);
    boolean changed = ui.db.inTransaction(s -> Reclassify.apply(s, evidence(s, id), component, kind, user.name(), ui.now()));
    Ui.redirect(ctx, "/evidence/" + id, changed ? "Đã cập nhật thành phần và loại minh chứng." : "Thành phần và loại không đổi.");
  }

  private void recapture(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    HarvestActions actions = ui.actions.orElseThrow(() -> new WebError(503, "Chức năng chụp lại chưa được bật trên máy chủ này."));
    ui.db.runInTransaction(s -> {
      Evidence e = evidence(s, id);
      if (e.getPost() == null && (e.getUrl() == null || e.getBlobSha() != null)) {
        throw new WebError(400, "Minh chứng tải lên không có trang web để chụp lại.");
      }
      AuditLog.append(s, ui.now(), user.name(), "evidence.recapture", "evidence", Long.toString(id),
          null, Json.of("url", e.getUrl()));
    });
    actions.captureAgain(id);
    Ui.redirect(ctx, sameItem(ctx, id), "Đã yêu cầu chụp lại; trang sẽ tự cập nhật khi chụp xong.");
  }

  private void blob(Context ctx) {
    String sha = ctx.pathParam("sha");
    if (!vn.minhchung.storage.blob.BlobStore.isSha256(sha)) {
      throw WebError.notFound("tệp");
    }
    BlobRecord rec = ui.db.inTransaction(s -> s.find(BlobRecord.class, sha));
    if (rec == null || !ui.blobs.exists(sha)) {
      throw WebError.notFound("tệp");
    }
    String type = rec.getMediaType();
    boolean inline = type.equals("image/png") || type.equals("image/jpeg") || type.equals("application/pdf");
    ctx.header("Content-Type", inline ? type : "application/octet-stream");
    ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + sha.substring(0, 16) + "\"");
    ctx.header("Cache-Control", "private, max-age=31536000, immutable");
    try {
      ctx.result(ui.blobs.open(sha));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read blob " + sha, e);
    }
  }

  static Evidence evidence(Session s, long id) {
    Evidence e = s.find(Evidence.class, id);
    if (e == null) {
      throw WebError.notFound("minh chứng #" + id);
    }
    return e;
  }
}
