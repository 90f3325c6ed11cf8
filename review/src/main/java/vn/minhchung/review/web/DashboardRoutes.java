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
import vn.minhchung.review.progress.UnitProgress;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.Unit;

/**
 * The dashboard: what needs a person now in one plan ({@link WorkList}), open alerts, the plan's items with
 * deadline countdown, target progress, evidence per component, channel health, and the dossier download form.
 */
final class DashboardRoutes {
  private final Ui ui;

  DashboardRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/", ctx -> render(ctx, ctx.queryParam("plan"), null, List.of()));
    app.get("/units-progress", this::units);
  }

  /** "Theo đơn vị": per item, what its lead and cooperating units gave and what is still missing from each. */
  private void units(Context ctx) {
    Page page = ui.page(ctx, "Minh chứng theo đơn vị", "dashboard");
    String planCode = ctx.queryParam("plan");
    boolean onlyMissing = "1".equals(ctx.queryParam("missing"));
    ui.db.runInTransaction(s -> {
      Plan plan = s.createSelectionQuery("from Plan p order by p.issuedOn desc nulls last, p.code", Plan.class)
          .getResultList().stream().filter(p -> planCode == null || p.getCode().equals(planCode)).findFirst()
          .orElseThrow(() -> WebError.notFound("kế hoạch " + (planCode == null ? "" : planCode)));
      LocalDate today = LocalDate.ofInstant(ui.now(), Settings.ZONE);
      List<UnitProgress.Row> rows = UnitProgress.compute(s, plan.getCode(), today).stream()
          .filter(r -> !onlyMissing || !r.complete()).toList();
      ui.render(ctx, "units-progress.jte", page, Map.of("plan", plan, "rows", rows, "onlyMissing", onlyMissing));
    });
  }

  /**
   * Renders the dashboard of {@code planCode} (the newest plan when unknown); {@code form} refills the dossier
   * form (null: empty for the plan shown) and {@code dossierProblems} are shown above it.
   */
  void render(Context ctx, String planCode, DossierForm form, List<String> dossierProblems) {
    Page page = ui.page(ctx, "Tổng quan", "dashboard");
    ui.db.runInTransaction(s -> {
      List<Plan> plans = s.createSelectionQuery("from Plan p order by p.issuedOn desc nulls last, p.code", Plan.class).getResultList();
      Plan chosen = plans.stream().filter(p -> p.getCode().equals(planCode)).findFirst()
          .orElse(plans.isEmpty() ? null : plans.get(0));
      LocalDate today = LocalDate.ofInstant(ui.now(), Settings.ZONE);
      PlanProgress progress = chosen == null ? null : Progress.compute(s, chosen.getCode(), today);
      List<ChannelHealth> health = ChannelHealth.load(s, ui.now(), ui.config.staleDays());
      WorkList work = progress == null ? null : WorkList.of(s, progress, health, ui.config.deadlineWarnDays());
      List<Unit> units = s.createSelectionQuery("from Unit u order by u.code", Unit.class).getResultList();
      Map<String, Object> model = new HashMap<>(Map.of("plans", plans, "health", health, "warnDays", ui.config.deadlineWarnDays(), "alerts", OpenAlerts.load(s), "units", units,
          "dossier", form != null ? form : DossierForm.forPlan(chosen == null ? "" : chosen.getCode()),
          "dossierProblems", dossierProblems));
      model.put("progress", progress);
      model.put("work", work);
      model.put("dossierTimestamped", ui.config.timestamper().isPresent());
      ui.render(ctx, "dashboard.jte", page, model);
    });
  }
}
