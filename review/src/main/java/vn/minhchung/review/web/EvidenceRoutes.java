package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The evidence queue, the detail page, review decisions, relinking, recapture, and blob downloads. */
final class EvidenceRoutes {
  static final int PAGE_SIZE = 50;
  private final Ui ui;

  EvidenceRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/evidence", this::queue);
    app.get("/evidence/{id}", this::detail);
    app.post("/evidence/{id}/review", this::review);
    app.post("/evidence/{id}/links", this::relink);
    app.post("/evidence/{id}/suggestions/{item}", this::decideSuggestion);
    app.post("/evidence/{id}/recapture", this::recapture);
    app.post("/evidence/{id}/classify", this::classify);
    app.get("/blobs/{sha}", this::blob);
  }

  private void queue(Context ctx) {
    EvidenceFilter f = filter(ctx);
    Page page = ui.page(ctx, "Minh chứng", "evidence");
    ui.db.runInTransaction(s -> {
      EvidencePage result = EvidenceSearch.find(s, f, PAGE_SIZE);
      Map<String, Object> m = new HashMap<>();
      m.put("filter", f);
      m.put("result", result);
      m.put("plans", s.createSelectionQuery("from Plan p order by p.code", Plan.class).getResultList());
      m.put("units", s.createSelectionQuery("from Unit u order by u.name", Unit.class).getResultList());
      m.put("channels", s.createSelectionQuery("from Channel c order by c.name", Channel.class).getResultList());
      m.put("nextUrl", result.nextBeforeId() == null ? "" : nextUrl(ctx, result.nextBeforeId()));
      ui.render(ctx, "queue.jte", page, m);
    });
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
    return new EvidenceFilter(text(ctx, "plan"), num(ctx, "item"), num(ctx, "unit"), num(ctx, "channel"),
        Optional.ofNullable(num(ctx, "component")).map(Long::intValue).orElse(null),
        oneOf(text(ctx, "status"), "pending", "approved", "rejected"), oneOf(text(ctx, "link"), "suggested", "confirmed"),
        date(ctx, "from"), date(ctx, "to"), text(ctx, "q"), num(ctx, "before"),
        Optional.ofNullable(text(ctx, "flag")).filter(PostFlags::known).orElse(null));
  }

  private static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static Long num(Context ctx, String name) {
    String v = text(ctx, name);
    try {
      return v == null ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      throw new WebError(400, "Giá trị '" + v + "' của bộ lọc " + name + " không phải là số.");
    }
  }

  private static LocalDate date(Context ctx, String name) {
    String v = text(ctx, name);
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
    showDetail(ctx, id, ui.page(ctx, "Minh chứng #" + id, "evidence"), null);
  }

  /** The detail page; {@code typedReason} (null when not re-showing a form) refills the review form. */
  private void showDetail(Context ctx, long id, Page page, String typedReason) {
    ui.db.runInTransaction(s -> {
      EvidenceDetail d = EvidenceDetail.load(s, id).orElseThrow(() -> WebError.notFound("minh chứng #" + id));
      Map<String, Object> m = new HashMap<>();
      m.put("d", d);
      m.put("canRecapture", ui.actions.isPresent());
      m.put("typedReason", typedReason);
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
          Optional.ofNullable(ctx.formParam("reason")).orElse(""));
      return;
    }
    String status = "approve".equals(decision) ? "approved" : "rejected";
    ui.db.runInTransaction(s -> {
      Evidence e = evidence(s, id);
      String before = Json.of("status", e.getStatus(), "reason", e.getReviewReason(), "reviewedBy", e.getReviewedBy());
      e.review(status, reason, user.name(), ui.now());
      AuditLog.append(s, ui.now(), user.name(), "approve".equals(decision) ? "evidence.approve" : "evidence.reject",
          "evidence", Long.toString(id), before, Json.of("status", status, "reason", reason, "reviewedBy", user.name()));
    });
    Ui.redirect(ctx, "/evidence/" + id, "approve".equals(decision) ? "Đã duyệt minh chứng." : "Đã từ chối minh chứng.");
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
    Ui.redirect(ctx, "/evidence/" + id, "Đã cập nhật liên kết với nhiệm vụ.");
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
    Ui.redirect(ctx, "/evidence/" + id, "confirm".equals(decision)
        ? "Đã xác nhận liên kết với nhiệm vụ " + code[0] + "." : "Đã bỏ đề xuất liên kết với nhiệm vụ " + code[0] + ".");
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
      if (e.getPost() == null) {
        throw new WebError(400, "Minh chứng tải lên không có trang web để chụp lại.");
      }
      AuditLog.append(s, ui.now(), user.name(), "evidence.recapture", "evidence", Long.toString(id),
          null, Json.of("url", e.getUrl()));
    });
    actions.captureAgain(id);
    Ui.redirect(ctx, "/evidence/" + id, "Đã yêu cầu chụp lại; ảnh mới sẽ xuất hiện khi chụp xong.");
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
