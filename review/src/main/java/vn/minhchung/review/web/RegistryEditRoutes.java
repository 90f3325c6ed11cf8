package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.ItemEntry;
import vn.minhchung.config.registry.PlanEntry;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.config.registry.TargetEntry;
import vn.minhchung.config.registry.UnitEntry;
import vn.minhchung.config.registry.Where;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.storage.registry.RegistryStore;
import vn.minhchung.storage.registry.Unit;

/**
 * Admin forms for units, plans and items (with their expected components and targets), saved through
 * {@link RegistryEdits}: the file import's validation and audit. A form with problems is shown again as typed.
 */
final class RegistryEditRoutes {
  /** Target rows offered beyond the item's current targets. */
  static final int SPARE_TARGETS = 2;
  private final Ui ui;

  RegistryEditRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/registry/{kind}/new", ctx -> {
      Ui.admin(ctx);
      Map<String, String> v = new HashMap<>();
      if (ctx.queryParam("plan") != null) {
        v.put("plan", ctx.queryParam("plan"));
      }
      show(ctx, new RegistryView.Form(kind(ctx), true, v, List.of(), List.of(), spare(new ArrayList<>())), List.of(), 200);
    });
    app.get("/registry/{kind}/edit", this::edit);
    app.post("/registry/{kind}", this::save);
  }

  private static String kind(Context ctx) {
    String k = ctx.pathParam("kind");
    if (!List.of("unit", "plan", "item").contains(k)) {
      throw WebError.notFound("trang này");
    }
    return k;
  }

  private void edit(Context ctx) {
    Ui.admin(ctx);
    String kind = kind(ctx);
    String code = ctx.queryParam("code") == null ? "" : ctx.queryParam("code");
    String plan = ctx.queryParam("plan") == null ? "" : ctx.queryParam("plan");
    RegistryDocument doc = new RegistryStore(ui.db, ui.clock).export();
    Map<String, String> v = new HashMap<>();
    RegistryView.Form f;
    switch (kind) {
      case "unit" -> {
        UnitEntry u = doc.units().stream().filter(x -> x.code().equals(code)).findFirst()
            .orElseThrow(() -> WebError.notFound("đơn vị " + code));
        v.put("code", u.code());
        v.put("name", u.name());
        v.put("parent", u.parent() == null ? "" : u.parent());
        f = new RegistryView.Form(kind, false, v, List.of(), List.of(), List.of());
      }
      case "plan" -> {
        PlanEntry p = plan(doc, code);
        v.put("code", p.code());
        v.put("title", p.title());
        v.put("issuer", p.issuer() == null ? "" : p.issuer());
        v.put("issuedOn", p.issuedOn() == null ? "" : p.issuedOn().toString());
        f = new RegistryView.Form(kind, false, v, strings(p.components()), List.of(), List.of());
      }
      default -> {
        PlanEntry p = plan(doc, plan);
        ItemEntry i = p.items().stream().filter(x -> x.code().equals(code)).findFirst()
            .orElseThrow(() -> WebError.notFound("nhiệm vụ " + code));
        v.put("plan", p.code());
        v.put("code", i.code());
        v.put("title", i.title());
        v.put("lead", i.lead() == null ? "" : i.lead());
        v.put("timing", i.timing() == null ? "" : i.timing());
        v.put("deadline", i.deadline() == null ? "" : i.deadline().toString());
        v.put("products", i.products() == null ? "" : i.products());
        v.put("keywords", String.join(", ", i.keywords()));
        v.put("componentsMode", i.components() == null ? "plan" : "own");
        List<String[]> rows = new ArrayList<>();
        for (TargetEntry t : i.targets()) {
          rows.add(new String[] {Integer.toString(t.component()), Integer.toString(t.count()), t.description(),
              minutes(t.minDuration()), minutes(t.maxDuration()), t.kind() == null ? "" : t.kind().code()});
        }
        f = new RegistryView.Form(kind, false, v, strings(i.components()), i.cooperating(), spare(rows));
      }
    }
    show(ctx, f, List.of(), 200);
  }

  private void save(Context ctx) {
    WebUser user = Ui.admin(ctx);
    String kind = kind(ctx);
    Map<String, String> v = new HashMap<>();
    for (String key : List.of("code", "name", "parent", "title", "issuer", "issuedOn", "plan", "lead", "timing", "deadline",
        "products", "keywords", "componentsMode")) {
      String s = ctx.formParam(key);
      v.put(key, s == null ? "" : VietnameseText.nfc(s.strip()));
    }
    boolean isNew = "1".equals(ctx.formParam("new"));
    List<String[]> rows = new ArrayList<>();
    List<String> tc = ctx.formParams("t.component");
    for (int r = 0; r < tc.size(); r++) {
      rows.add(new String[] {tc.get(r), at(ctx, "t.count", r), at(ctx, "t.description", r), at(ctx, "t.min", r),
          at(ctx, "t.max", r), at(ctx, "t.kind", r)});
    }
    RegistryView.Form f = new RegistryView.Form(kind, isNew, v, ctx.formParams("component"), ctx.formParams("cooperating"), rows);
    List<String> problems = new ArrayList<>();
    try {
      java.util.function.UnaryOperator<RegistryDocument> edit = edit(f, problems);
      if (problems.isEmpty()) {
        problems.addAll(RegistryEdits.apply(ui.db, ui.clock, edit, user.name()));
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      List<String[]> typed = new ArrayList<>(rows.stream().filter(r -> !(r[0].isBlank() && r[1].isBlank() && r[2].isBlank()))
          .toList());
      show(ctx, new RegistryView.Form(kind, isNew, v, f.components(), f.cooperating(), spare(typed)), problems, 422);
      return;
    }
    String what = switch (kind) {
      case "unit" -> "đơn vị " + v.get("code");
      case "plan" -> "kế hoạch " + v.get("code");
      default -> "nhiệm vụ " + v.get("code") + " của kế hoạch " + v.get("plan");
    };
    Ui.redirect(ctx, "/registry", "Đã lưu " + what + ".");
  }

  private java.util.function.UnaryOperator<RegistryDocument> edit(RegistryView.Form f, List<String> problems) {
    Map<String, String> v = f.v();
    return switch (f.kind()) {
      case "unit" -> {
        UnitEntry u = new UnitEntry(v.get("code"), v.get("name"), blank(v.get("parent")), Where.NONE);
        yield d -> new RegistryDocument(RegistryEdits.upsert(d.units(), x -> x.code().equals(u.code()), u), d.channels(),
            d.plans());
      }
      case "plan" -> {
        LocalDate issued = day(v.get("issuedOn"), "Ngày ban hành", problems);
        List<Integer> comps = components(f.components(), problems);
        yield d -> {
          PlanEntry old = d.plans().stream().filter(p -> p.code().equals(v.get("code"))).findFirst().orElse(null);
          PlanEntry p = new PlanEntry(v.get("code"), v.get("title"), blank(v.get("issuer")), issued,
              comps.isEmpty() ? null : comps, old == null ? List.of() : old.items(), Where.NONE);
          return new RegistryDocument(d.units(), d.channels(), RegistryEdits.upsert(d.plans(), x -> x.code().equals(p.code()), p));
        };
      }
      default -> {
        LocalDate deadline = day(v.get("deadline"), "Hạn", problems);
        List<Integer> comps = "plan".equals(v.get("componentsMode")) ? null : components(f.components(), problems);
        List<TargetEntry> targets = targets(f.targets(), problems);
        List<String> keywords = Arrays.stream(v.get("keywords").split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
        yield d -> {
          PlanEntry old = d.plans().stream().filter(p -> p.code().equals(v.get("plan"))).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("Kế hoạch " + v.get("plan") + " không có trong danh mục."));
          // The form does not edit the units' deadlines (registry unitDeadline/unitDeadlines): an edited item keeps them.
          vn.minhchung.config.registry.UnitDeadlines unitDeadlines = old.items().stream()
              .filter(x -> x.code().equals(v.get("code"))).findFirst().map(ItemEntry::unitDeadlines)
              .orElse(vn.minhchung.config.registry.UnitDeadlines.NONE);
          ItemEntry i = new ItemEntry(v.get("code"), v.get("title"), blank(v.get("lead")), f.cooperating(),
              blank(v.get("timing")), deadline, blank(v.get("products")), keywords, comps, targets, unitDeadlines,
              Where.NONE);
          PlanEntry p = new PlanEntry(old.code(), old.title(), old.issuer(), old.issuedOn(), old.components(),
              RegistryEdits.upsert(old.items(), x -> x.code().equals(i.code()), i), old.where());
          return new RegistryDocument(d.units(), d.channels(), RegistryEdits.upsert(d.plans(), x -> x.code().equals(p.code()), p));
        };
      }
    };
  }

  private void show(Context ctx, RegistryView.Form f, List<String> problems, int status) {
    ctx.status(status);
    String title = (f.isNew() ? "Thêm " : "Sửa ") + switch (f.kind()) {
      case "unit" -> "đơn vị";
      case "plan" -> "kế hoạch";
      default -> "nhiệm vụ";
    };
    Page page = ui.page(ctx, title, "registry");
    if (!problems.isEmpty()) {
      page = page.withError("Chưa lưu: " + String.join("; ", problems) + ".");
    }
    Page p = page;
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("f", f);
      m.put("units", s.createSelectionQuery("from Unit u order by u.name", Unit.class).getResultList());
      m.put("plans", s.createSelectionQuery("select p.code from Plan p order by p.code", String.class).getResultList());
      m.put("components", List.of(EvidenceComponent.values()));
      ui.render(ctx, "registry-form.jte", p, m);
    });
  }

  private static List<String[]> spare(List<String[]> rows) {
    for (int i = 0; i < SPARE_TARGETS; i++) {
      rows.add(new String[] {"", "", "", "", "", ""});
    }
    return rows;
  }

  private static String at(Context ctx, String key, int i) {
    List<String> l = ctx.formParams(key);
    return i < l.size() ? l.get(i).strip() : "";
  }

  private static List<TargetEntry> targets(List<String[]> rows, List<String> problems) {
    List<TargetEntry> out = new ArrayList<>();
    for (String[] r : rows) {
      if (r[0].isBlank() && r[1].isBlank() && r[2].isBlank()) {
        continue;
      }
      try {
        int comp = Integer.parseInt(r[0].strip());
        int count = Integer.parseInt(r[1].strip());
        Duration min = r[3].isBlank() ? null : Duration.ofMinutes(Long.parseLong(r[3].strip()));
        Duration max = r[4].isBlank() ? null : Duration.ofMinutes(Long.parseLong(r[4].strip()));
        EvidenceKind kind = null;
        if (!r[5].isBlank()) {
          kind = EvidenceKind.of(r[5]).orElse(null);
          if (kind == null) {
            problems.add("Chỉ tiêu “" + r[2] + "”: loại minh chứng “" + r[5] + "” không có trong danh sách");
            continue;
          }
        }
        out.add(new TargetEntry(comp, kind, VietnameseText.nfc(r[2].strip()), count, min, max, Where.NONE));
      } catch (NumberFormatException e) {
        problems.add("Chỉ tiêu “" + r[2] + "”: thành phần, số lượng và thời lượng (phút) phải là số");
      }
    }
    return out;
  }

  private static List<Integer> components(List<String> ticked, List<String> problems) {
    List<Integer> out = new ArrayList<>();
    for (String c : ticked) {
      try {
        out.add(Integer.parseInt(c));
      } catch (NumberFormatException e) {
        problems.add("Thành phần “" + c + "” không hợp lệ");
      }
    }
    return out;
  }

  private static LocalDate day(String v, String label, List<String> problems) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      problems.add(label + ": ngày không hợp lệ");
      return null;
    }
  }

  private static PlanEntry plan(RegistryDocument doc, String code) {
    return doc.plans().stream().filter(x -> x.code().equals(code)).findFirst()
        .orElseThrow(() -> WebError.notFound("kế hoạch " + code));
  }

  private static List<String> strings(List<Integer> values) {
    return values == null ? List.of() : values.stream().map(String::valueOf).toList();
  }

  private static String minutes(Duration d) {
    return d == null ? "" : Long.toString(d.toMinutes());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
