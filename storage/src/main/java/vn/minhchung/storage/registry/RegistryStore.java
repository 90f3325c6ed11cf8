package vn.minhchung.storage.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelEntry;
import vn.minhchung.config.registry.ExpectedComponents;
import vn.minhchung.config.registry.ItemEntry;
import vn.minhchung.config.registry.PlanEntry;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.TargetEntry;
import vn.minhchung.config.registry.UnitEntry;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.db.Database;

/**
 * Imports a validated registry in one transaction: units, channels and plans are updated by code, items by
 * plan and code, targets by position and cooperating units as a list. Nothing is deleted except targets
 * beyond the file's count for an item the file lists; harvested data (posts, runs, evidence) is never
 * touched. Each created or changed entity gets one audit event; re-importing the same file changes nothing.
 */
public final class RegistryStore {
  private final Database db;
  private final Clock clock;

  public RegistryStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Unit codes already stored, which a file may reference without listing them. */
  public Set<String> unitCodes() {
    return db.inTransaction(s -> new TreeSet<>(
        s.createSelectionQuery("select u.code from Unit u", String.class).getResultList()));
  }

  public RegistryImport importDocument(RegistryDocument doc, String actor) {
    Instant now = clock.instant();
    return db.inTransaction(s -> new Run(s, now, actor).apply(doc));
  }

  public RegistryDocument export() {
    return db.inTransaction(RegistryExporter::export);
  }

  /** One import inside its transaction. */
  private static final class Run {
    private final Session s;
    private final Instant now;
    private final String actor;
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private int created;
    private int updated;

    Run(Session s, Instant now, String actor) {
      this.s = s;
      this.now = now;
      this.actor = actor;
    }

    RegistryImport apply(RegistryDocument doc) {
      s.createSelectionQuery("from Unit", Unit.class).getResultList().forEach(u -> units.put(u.getCode(), u));
      s.createSelectionQuery("from Channel", Channel.class).getResultList().forEach(c -> channels.put(c.getCode(), c));
      s.createSelectionQuery("from Plan", Plan.class).getResultList().forEach(p -> plans.put(p.getCode(), p));
      applyUnits(doc.units());
      for (ChannelEntry c : doc.channels()) {
        channel(c);
      }
      for (PlanEntry p : doc.plans()) {
        plan(p);
      }
      s.flush();
      return new RegistryImport(doc.units().size(), doc.channels().size(), doc.plans().size(), doc.itemCount(),
          doc.targetCount(), created, updated);
    }

    private void applyUnits(List<UnitEntry> entries) {
      Map<String, String> before = new HashMap<>();
      List<UnitEntry> fresh = new ArrayList<>();
      for (UnitEntry e : entries) {
        Unit u = units.get(e.code());
        if (u == null) {
          u = new Unit(e.code(), e.name(), now);
          s.persist(u);
          units.put(e.code(), u);
          fresh.add(e);
        } else {
          before.put(e.code(), RegistryJson.unit(RegistryExporter.unit(u)));
        }
      }
      for (UnitEntry e : entries) {
        String after = RegistryJson.unit(e);
        String was = before.get(e.code());
        if (was != null && was.equals(after)) {
          continue;
        }
        Unit u = units.get(e.code());
        u.setName(e.name());
        u.setParent(e.parent() == null ? null : unit(e.parent(), "unit " + e.code()));
        record(fresh.contains(e), "unit", e.code(), was, after, u::setUpdatedAt);
      }
    }

    private void channel(ChannelEntry e) {
      Channel c = channels.get(e.code());
      String after = RegistryJson.channel(e);
      String was = c == null ? null : RegistryJson.channel(RegistryExporter.channel(c));
      if (after.equals(was)) {
        return;
      }
      Unit unit = unit(e.unit(), "channel " + e.code());
      if (c == null) {
        c = new Channel(e.code(), unit, e.kind(), e.name(), e.url(), now);
        s.persist(c);
      }
      c.setUnit(unit);
      c.setKind(e.kind());
      c.setName(e.name());
      c.setUrl(e.url());
      c.setPlatformId(e.platformId());
      c.setSchedule(e.schedule());
      c.setActive(e.active());
      c.setOptionsJson(RegistryJson.options(e.options()));
      record(was == null, "channel", e.code(), was, after, c::setUpdatedAt);
    }

    private void plan(PlanEntry e) {
      Plan p = plans.get(e.code());
      String after = RegistryJson.plan(e);
      String was = p == null ? null : RegistryJson.plan(RegistryExporter.plan(p));
      if (p == null) {
        p = new Plan(e.code(), e.title(), now);
        s.persist(p);
      }
      if (!after.equals(was)) {
        p.setTitle(e.title());
        p.setIssuer(e.issuer());
        p.setIssuedOn(e.issuedOn());
        p.setComponents(ExpectedComponents.toColumn(e.components()));
        record(was == null, "plan", e.code(), was, after, p::setUpdatedAt);
      }
      Map<String, PlanItem> items = new HashMap<>();
      p.getItems().forEach(i -> items.put(i.getCode(), i));
      for (int pos = 0; pos < e.items().size(); pos++) {
        item(p, items, pos, e.items().get(pos));
      }
    }

    private void item(Plan plan, Map<String, PlanItem> items, int position, ItemEntry e) {
      PlanItem i = items.get(e.code());
      String after = RegistryJson.item(plan.getCode(), position, e);
      String was = i == null ? null : RegistryJson.item(plan.getCode(), i.getPosition(), RegistryExporter.item(i));
      if (after.equals(was)) {
        return;
      }
      String where = "item " + e.code() + " of plan " + plan.getCode();
      if (i == null) {
        i = new PlanItem(plan, e.code(), e.title(), now);
        plan.getItems().add(i);
        s.persist(i);
      }
      i.setPosition(position);
      i.setTitle(e.title());
      i.setLead(e.lead() == null ? null : unit(e.lead(), where));
      List<Unit> cooperating = new ArrayList<>();
      for (String code : e.cooperating()) {
        cooperating.add(unit(code, where));
      }
      if (!cooperating.equals(i.getCooperating())) {
        i.getCooperating().clear();
        i.getCooperating().addAll(cooperating);
      }
      i.setTiming(e.timing());
      i.setDeadline(e.deadline());
      i.setProducts(e.products());
      i.setKeywordsJson(RegistryJson.keywords(e.keywords()));
      i.setComponents(ExpectedComponents.toColumn(e.components()));
      i.setUnitDeadlines(e.unitDeadlines());
      targets(i, e.targets());
      record(was == null, "plan_item", plan.getCode() + " " + e.code(), was, after, i::setUpdatedAt);
    }

    private static void targets(PlanItem item, List<TargetEntry> entries) {
      List<PlanTarget> existing = new ArrayList<>(item.getTargets());
      existing.sort(java.util.Comparator.comparingInt(PlanTarget::getPosition));
      for (int pos = 0; pos < entries.size(); pos++) {
        TargetEntry e = entries.get(pos);
        PlanTarget t;
        if (pos < existing.size()) {
          t = existing.get(pos);
          t.setComponent(e.component());
          t.setDescription(e.description());
          t.setCount(e.count());
        } else {
          t = new PlanTarget(item, pos, e.component(), e.description(), e.count());
          item.getTargets().add(t);
        }
        t.setKind(e.kind() == null ? null : e.kind().code());
        t.setMinDuration(e.minDuration());
        t.setMaxDuration(e.maxDuration());
      }
      for (int pos = entries.size(); pos < existing.size(); pos++) {
        item.getTargets().remove(existing.get(pos));
      }
    }

    private Unit unit(String code, String referrer) {
      Unit u = units.get(code);
      if (u == null) {
        throw new RegistryImportException(referrer + " references unit '" + code
            + "', which is neither in the file nor stored; add it under units");
      }
      return u;
    }

    private void record(boolean isNew, String type, String id, String before, String after,
        java.util.function.Consumer<Instant> touch) {
      if (isNew) {
        created++;
      } else {
        updated++;
        touch.accept(now);
      }
      AuditLog.append(s, now, actor, isNew ? "registry.create" : "registry.update", type, id, before, after);
    }
  }
}
