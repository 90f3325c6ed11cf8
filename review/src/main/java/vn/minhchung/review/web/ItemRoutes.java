package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.ExpectedComponents;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;

/**
 * Admin form for the evidence components a plan item expects (registry {@code components}): the plan's default,
 * or the item's own list (none ticked: a report only). A target's component must stay expected, as in the
 * registry file. Audited as {@code plan_item.components}.
 */
final class ItemRoutes {
  private final Ui ui;

  ItemRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/items/{id}/components", this::edit);
    app.post("/items/{id}/components", this::save);
  }

  private void edit(Context ctx) {
    Ui.admin(ctx);
    long id = Ui.pathId(ctx, "id");
    ComponentChoice choice = ui.db.inTransaction(s -> {
      PlanItem i = item(s, id);
      List<Integer> own = ExpectedComponents.fromColumn(i.getComponents());
      return new ComponentChoice(own == null, new TreeSet<>(own == null ? i.expectedComponents() : own));
    });
    form(ctx, id, choice, null);
  }

  private void form(Context ctx, long id, ComponentChoice choice, String error) {
    Page page = ui.page(ctx, "Thành phần minh chứng của nhiệm vụ", "dashboard");
    ui.db.runInTransaction(s -> {
      PlanItem i = item(s, id);
      Map<String, Object> m = new HashMap<>();
      m.put("item", i);
      m.put("choice", choice);
      m.put("error", error == null ? "" : error);
      m.put("components", List.of(EvidenceComponent.values()));
      m.put("planDefault", ExpectedComponents.describe(ExpectedComponents.resolve(null,
          ExpectedComponents.fromColumn(i.getPlan().getComponents()))));
      m.put("targetComponents", new TreeSet<>(i.getTargets().stream().map(PlanTarget::getComponent).toList()));
      ui.render(ctx, "item-components.jte", page, m);
    });
  }

  private void save(Context ctx) {
    WebUser user = Ui.admin(ctx);
    long id = Ui.pathId(ctx, "id");
    boolean inherit = "plan".equals(ctx.formParam("mode"));
    TreeSet<Integer> ticked = new TreeSet<>();
    for (String v : ctx.formParams("component")) {
      try {
        int n = Integer.parseInt(v);
        if (EvidenceComponent.of(n).isPresent()) {
          ticked.add(n);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new WebError(400, "Thành phần minh chứng “" + v + "” không hợp lệ; chỉ có các thành phần 1 đến 6.");
    }
    ComponentChoice choice = new ComponentChoice(inherit, ticked);
    String saved = ui.db.inTransaction(s -> {
      PlanItem i = item(s, id);
      List<Integer> own = inherit ? null : List.copyOf(ticked);
      List<Integer> expected = ExpectedComponents.resolve(own, ExpectedComponents.fromColumn(i.getPlan().getComponents()));
      List<Integer> uncovered = new ArrayList<>(new TreeSet<>(i.getTargets().stream().map(PlanTarget::getComponent).toList()));
      uncovered.removeAll(expected);
      if (!uncovered.isEmpty()) {
        ctx.status(422);
        form(ctx, id, choice, "Nhiệm vụ có chỉ tiêu thuộc thành phần " + ExpectedComponents.describe(uncovered)
            + "; hãy giữ các thành phần này (hoặc sửa chỉ tiêu trong danh mục).");
        return null;
      }
      String before = snapshot(i);
      i.setComponents(ExpectedComponents.toColumn(own));
      i.setUpdatedAt(ui.now());
      AuditLog.append(s, ui.now(), user.name(), "plan_item.components", "plan_item",
          i.getPlan().getCode() + " " + i.getCode(), before, snapshot(i));
      return i.getPlan().getCode() + "|" + i.getCode() + "|" + ExpectedComponents.describe(expected);
    });
    if (saved != null) {
      String[] p = saved.split("\\|", 3);
      Ui.redirect(ctx, "/?plan=" + java.net.URLEncoder.encode(p[0], java.nio.charset.StandardCharsets.UTF_8),
          "Đã lưu thành phần minh chứng của nhiệm vụ " + p[1] + ": " + p[2] + ".");
    }
  }

  private static String snapshot(PlanItem i) {
    return Json.of("plan", i.getPlan().getCode(), "code", i.getCode(), "components", i.getComponents());
  }

  private static PlanItem item(Session s, long id) {
    PlanItem i = s.find(PlanItem.class, id);
    if (i == null) {
      throw WebError.notFound("nhiệm vụ #" + id);
    }
    return i;
  }
}
