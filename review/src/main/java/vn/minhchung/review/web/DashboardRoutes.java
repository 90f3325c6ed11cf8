package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.review.progress.Progress;
import vn.minhchung.storage.registry.Plan;

/** The dashboard: one plan's items with deadline countdown, target progress, evidence per component, channel health. */
final class DashboardRoutes {
  private final Ui ui;

  DashboardRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/", this::dashboard);
  }

  private void dashboard(Context ctx) {
    Page page = ui.page(ctx, "Tổng quan", "dashboard");
    ui.db.runInTransaction(s -> {
      List<Plan> plans = s.createSelectionQuery("from Plan p order by p.issuedOn desc nulls last, p.code", Plan.class).getResultList();
      String code = ctx.queryParam("plan");
      Plan chosen = plans.stream().filter(p -> p.getCode().equals(code)).findFirst()
          .orElse(plans.isEmpty() ? null : plans.get(0));
      LocalDate today = LocalDate.ofInstant(ui.now(), Settings.ZONE);
      PlanProgress progress = chosen == null ? null : Progress.compute(s, chosen.getCode(), today);
      List<ChannelHealth> health = ChannelHealth.load(s, ui.now(), ui.config.staleDays());
      long pending = s.createSelectionQuery("select count(e) from Evidence e where e.status = 'pending'", Long.class).getSingleResult();
      long suggested = s.createSelectionQuery("select count(l) from EvidenceLink l where l.state = 'suggested'", Long.class).getSingleResult();
      Map<String, Object> model = new HashMap<>(Map.of("plans", plans, "health", health, "pending", pending,
          "suggested", suggested, "warnDays", ui.config.deadlineWarnDays()));
      model.put("progress", progress);
      ui.render(ctx, "dashboard.jte", page, model);
    });
  }
}
