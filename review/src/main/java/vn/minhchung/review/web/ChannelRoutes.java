package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.post.ChannelSnapshot;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.RegistryJson;
import vn.minhchung.storage.registry.Unit;

/** Channels: list with health, register and edit (admin), disable/enable (admin), harvest now, run history. */
final class ChannelRoutes {
  private final Ui ui;

  ChannelRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/channels", this::list);
    app.get("/channels/new", ctx -> {
      Ui.admin(ctx);
      // "Đăng ký thành kênh mới" from a connect flow fills in the Page it offered.
      form(ctx, null, new ChannelForm("", "", orEmpty(ctx.queryParam("kind")), orEmpty(ctx.queryParam("name")),
          orEmpty(ctx.queryParam("url")), orEmpty(ctx.queryParam("platformId")), ScheduleChoice.of(null), Map.of()), Map.of());
    });
    app.post("/channels", ctx -> save(ctx, null));
    app.get("/channels/{id}", this::show);
    app.get("/channels/{id}/edit", this::edit);
    app.post("/channels/{id}", ctx -> save(ctx, Ui.pathId(ctx, "id")));
    app.post("/channels/{id}/active", this::toggle);
    app.post("/channels/{id}/harvest", this::harvest);
    app.get("/channels/{id}/status", ctx -> {
      long id = Ui.pathId(ctx, "id");
      ctx.contentType("application/json; charset=utf-8").result(ui.db.inTransaction(s -> LiveStatus.ofChannel(s, channel(s, id), ui.now())).json());
    });
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private void list(Context ctx) {
    Page page = ui.page(ctx, "Kênh thông tin", "channels");
    ui.db.runInTransaction(s -> ui.render(ctx, "channels.jte", page,
        Map.of("health", ChannelHealth.load(s, ui.now(), ui.config.staleDays()), "canHarvest", ui.actions.isPresent(),
            "alerts", OpenAlerts.load(s))));
  }

  private void show(Context ctx) {
    long id = Ui.pathId(ctx, "id");
    Page page = ui.page(ctx, "Kênh", "channels");
    ui.db.runInTransaction(s -> {
      Channel c = channel(s, id);
      List<HarvestRun> runs = s.createSelectionQuery("from HarvestRun r where r.channel = :c order by r.startedAt desc",
          HarvestRun.class).setParameter("c", c).setMaxResults(50).getResultList();
      Map<Long, List<RunProblem>> problems = runs.isEmpty() ? Map.of() : s.createSelectionQuery(
              "from RunProblem p where p.run in :runs order by p.at", RunProblem.class).setParameter("runs", runs)
          .getResultList().stream().collect(Collectors.groupingBy(p -> p.getRun().getId()));
      long posts = s.createSelectionQuery("select count(p) from Post p where p.channel = :c", Long.class).setParameter("c", c)
          .getSingleResult();
      // What the channel's own page showed (a Zalo OA read without an account: name, verified mark, followers).
      List<ChannelSnapshot> snapshots = s.createSelectionQuery("from ChannelSnapshot x where x.channel = :c "
          + "order by x.observedAt desc, x.id desc", ChannelSnapshot.class).setParameter("c", c).setMaxResults(10)
          .getResultList();
      ui.render(ctx, "channel.jte", page, Map.of("c", c, "runs", runs, "problems", problems, "posts", posts,
          "canHarvest", ui.actions.isPresent(), "snapshots", snapshots, "live", LiveStatus.ofChannel(s, c, ui.now())));
    });
  }

  private void edit(Context ctx) {
    Ui.admin(ctx);
    long id = Ui.pathId(ctx, "id");
    ChannelForm f = ui.db.inTransaction(s -> {
      Channel c = channel(s, id);
      Map<String, String> options = new java.util.LinkedHashMap<>();
      RegistryJson.readOptions(c.getOptionsJson()).forEach((k, v) -> options.put(k, String.join("\n", v)));
      return new ChannelForm(c.getCode(), c.getUnit().getCode(), c.getKind().code(), c.getName(), c.getUrl(),
          c.getPlatformId() == null ? "" : c.getPlatformId(), ScheduleChoice.of(c.getSchedule()), options);
    });
    form(ctx, id, f, Map.of());
  }

  private void form(Context ctx, Long id, ChannelForm f, Map<String, String> errors) {
    Page page = ui.page(ctx, id == null ? "Đăng ký kênh" : "Sửa kênh", "channels");
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("id", id == null ? "" : id.toString());
      m.put("f", f);
      m.put("errors", errors);
      m.put("units", s.createSelectionQuery("from Unit u order by u.name", Unit.class).getResultList());
      m.put("kinds", List.of(ChannelKind.values()));
      ui.render(ctx, "channel-form.jte", page, m);
    });
  }

  private void save(Context ctx, Long id) {
    WebUser user = Ui.admin(ctx);
    ChannelForm f = new ChannelForm(ctx.formParam("code"), ctx.formParam("unit"), ctx.formParam("kind"), ctx.formParam("name"),
        ctx.formParam("url"), ctx.formParam("platformId"), scheduleOf(ctx), optionsOf(ctx)).normalized();
    Long saved = ui.db.inTransaction(s -> {
      Channel existing = id == null ? null : channel(s, id);
      boolean taken = s.createSelectionQuery("from Channel c where c.code = :code", Channel.class).setParameter("code", f.code())
          .uniqueResultOptional().filter(c -> existing == null || !c.getId().equals(existing.getId())).isPresent();
      Map<String, String> errors = f.validate(code -> unit(s, code) != null, taken);
      if (!errors.isEmpty()) {
        ctx.status(422);
        form(ctx, id, f, errors);
        return null;
      }
      Unit unit = unit(s, f.unitCode());
      ChannelKind kind = ChannelKind.fromCode(f.kind()).orElseThrow();
      Channel c = existing;
      String before = c == null ? null : snapshot(c);
      if (c == null) {
        c = new Channel(f.code(), unit, kind, f.name(), f.url(), ui.now());
      } else {
        c.setUnit(unit);
        c.setKind(kind);
        c.setName(f.name());
        c.setUrl(f.url());
        c.setUpdatedAt(ui.now());
      }
      c.setPlatformId(f.platformId().isEmpty() ? null : f.platformId());
      c.setSchedule(f.cron());
      c.setOptionsJson(RegistryJson.options(f.optionValues()));
      s.persist(c);
      s.flush();
      AuditLog.append(s, ui.now(), user.name(), existing == null ? "channel.create" : "channel.update", "channel", c.getCode(),
          before, snapshot(c));
      return c.getId();
    });
    if (saved != null) {
      Ui.redirect(ctx, "/channels/" + saved, id == null ? "Đã đăng ký kênh " + f.code() + "." : "Đã lưu thay đổi của kênh.");
    }
  }

  private void toggle(Context ctx) {
    WebUser user = Ui.admin(ctx);
    long id = Ui.pathId(ctx, "id");
    boolean active = ui.db.inTransaction(s -> {
      Channel c = channel(s, id);
      String before = snapshot(c);
      c.setActive(!c.isActive());
      c.setUpdatedAt(ui.now());
      AuditLog.append(s, ui.now(), user.name(), c.isActive() ? "channel.enable" : "channel.disable", "channel", c.getCode(),
          before, snapshot(c));
      return c.isActive();
    });
    Ui.redirect(ctx, "/channels/" + id, active ? "Đã bật lại kênh." : "Đã tắt kênh; lịch thu thập sẽ bỏ qua kênh này.");
  }

  private void harvest(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    HarvestActions actions = ui.actions.orElseThrow(() -> new WebError(503, "Chức năng thu thập ngay chưa được bật trên máy chủ này."));
    String code = ui.db.inTransaction(s -> {
      Channel c = channel(s, id);
      if (!c.isActive()) {
        throw new WebError(409, "Kênh " + c.getCode() + " đang tắt; hãy bật lại trước khi thu thập.");
      }
      AuditLog.append(s, ui.now(), user.name(), "channel.harvest", "channel", c.getCode(), null, null);
      return c.getCode();
    });
    actions.harvestNow(code);
    Ui.redirect(ctx, "/channels/" + id, "Đã bắt đầu thu thập kênh " + code + "; trang sẽ tự cập nhật khi có kết quả.");
  }

  /**
   * The schedule as chosen: {@code scheduleMode} (default, daily, hours, weekly, cron) with its time, hours and
   * days; a form without a mode but with a {@code schedule} cron is the advanced choice.
   */
  static ScheduleChoice scheduleOf(Context ctx) {
    String cron = orEmpty(ctx.formParam("schedule"));
    String mode = ctx.formParam("scheduleMode");
    if (mode == null || mode.isBlank()) {
      mode = cron.isBlank() ? "default" : "cron";
    }
    java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
    for (String d : ctx.formParams("scheduleDays")) {
      try {
        days.add(java.time.DayOfWeek.of(Integer.parseInt(d)));
      } catch (RuntimeException e) {
        throw new WebError(400, "Ngày trong tuần “" + d + "” không hợp lệ.");
      }
    }
    return new ScheduleChoice(mode, orEmpty(ctx.formParam("scheduleTime")), orEmpty(ctx.formParam("scheduleHours")), days,
        cron);
  }

  private static Map<String, String> optionsOf(Context ctx) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String key : ChannelForm.OPTION_LABELS.keySet()) {
      String v = ctx.formParam("opt." + key);
      if (v != null) {
        m.put(key, v);
      }
    }
    return m;
  }

  private static String snapshot(Channel c) {
    return Json.of("code", c.getCode(), "unit", c.getUnit().getCode(), "kind", c.getKind().code(), "name", c.getName(),
        "url", c.getUrl(), "platformId", c.getPlatformId(), "schedule", c.getSchedule(), "options", RegistryJson.readOptions(c.getOptionsJson()), "active", c.isActive());
  }

  private static Unit unit(Session s, String code) {
    return s.createSelectionQuery("from Unit u where u.code = :c", Unit.class).setParameter("c", code).uniqueResult();
  }

  private static Channel channel(Session s, long id) {
    Channel c = s.find(Channel.class, id);
    if (c == null) {
      throw WebError.notFound("kênh #" + id);
    }
    return c;
  }
}
