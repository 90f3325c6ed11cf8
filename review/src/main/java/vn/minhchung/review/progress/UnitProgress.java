package vn.minhchung.review.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * What each unit named on a plan item (its lead and its cooperating units) has given towards the item's expected
 * components, and what is still missing from it: the view staff use to chase units. A unit's evidence is evidence
 * filed in its name (an upload) or harvested from its channels, linked to the item; it counts as given when approved
 * behind a confirmed link (as for targets), as waiting when pending or only suggested. Items that need a report only
 * (no expected components) have no rows.
 */
public final class UnitProgress {
  private UnitProgress() {}

  /** One unit on one item. {@code deadline} is the unit's own date where the registry gives one, else the item's. */
  public record Row(long itemId, String itemCode, String itemTitle, String unitCode, String unitName, boolean lead,
      LocalDate deadline, boolean ownDeadline, Set<Integer> given, Set<Integer> waiting, List<Integer> missing,
      Long daysLeft) {

    /** "chủ trì" or "phối hợp". */
    public String role() {
      return lead ? "chủ trì" : "phối hợp";
    }

    /**
     * "Đã có" when the unit gave approved evidence of an expected component (the rule that clears its deadline
     * alert), "Chờ duyệt" when it only has evidence waiting, else "Chưa có".
     */
    public String status() {
      return !given.isEmpty() ? "Đã có" : !waiting.isEmpty() ? "Chờ duyệt" : "Chưa có";
    }

    /** Nothing expected is missing. */
    public boolean complete() {
      return missing.isEmpty();
    }

    /** The missing components by name ("bản scan báo in, kịch bản phát thanh"), or "đủ". */
    public String missingText() {
      return missing.isEmpty() ? "đủ" : String.join(", ", missing.stream()
          .map(c -> EvidenceComponent.of(c).map(EvidenceComponent::shortName).orElse(Integer.toString(c))).toList());
    }

    /** The components given, as their numbers ("1, 2"), or "—". */
    public String givenText() {
      return given.isEmpty() ? "—" : String.join(", ", given.stream().map(String::valueOf).toList());
    }

    /** The deadline's state against today: "quá hạn 3 ngày", "còn 5 ngày", "hôm nay", or empty without one. */
    public String dueText() {
      if (daysLeft == null) {
        return "";
      }
      return daysLeft < 0 ? "quá hạn " + (-daysLeft) + " ngày" : daysLeft == 0 ? "hôm nay" : "còn " + daysLeft + " ngày";
    }
  }

  /**
   * The rows of the plan with this code, by item in plan order, the lead unit first.
   *
   * @throws NoSuchElementException when no plan has this code
   */
  public static List<Row> compute(Session s, String planCode, LocalDate today) {
    Plan plan = s.createSelectionQuery("from Plan p where p.code = :c", Plan.class).setParameter("c", planCode)
        .uniqueResultOptional().orElseThrow(() -> new NoSuchElementException("no plan with code '" + planCode + "'"));
    // item id → unit code → component → {given, waiting}
    Map<Long, Map<String, Map<Integer, boolean[]>>> have = new HashMap<>();
    s.createSelectionQuery("select l.planItem.id, coalesce(u.code, cu.code), e.component, e.status, l.state"
            + " from EvidenceLink l join l.evidence e left join e.unit u left join e.channel ch left join ch.unit cu"
            + " where l.planItem.plan = :plan and l.state <> 'rejected' and e.status <> 'rejected'", Object[].class)
        .setParameter("plan", plan).getResultList().forEach(r -> {
          if (r[1] == null) {
            return;
          }
          boolean[] g = have.computeIfAbsent((Long) r[0], k -> new HashMap<>())
              .computeIfAbsent((String) r[1], k -> new HashMap<>())
              .computeIfAbsent((Integer) r[2], k -> new boolean[2]);
          if ("approved".equals(r[3]) && "confirmed".equals(r[4])) {
            g[0] = true;
          } else {
            g[1] = true;
          }
        });
    List<Row> out = new ArrayList<>();
    for (PlanItem item : plan.getItems()) {
      Set<Integer> expected = new TreeSet<>(item.expectedComponents());
      item.getTargets().forEach(t -> expected.add(t.getComponent()));
      if (expected.isEmpty()) {
        continue;
      }
      Map<String, LocalDate> unitDates = item.deadlinesByUnit();
      Map<Unit, Boolean> units = new LinkedHashMap<>();
      if (item.getLead() != null) {
        units.put(item.getLead(), true);
      }
      item.getCooperating().forEach(u -> units.putIfAbsent(u, false));
      for (Map.Entry<Unit, Boolean> e : units.entrySet()) {
        Unit u = e.getKey();
        Map<Integer, boolean[]> mine = have.getOrDefault(item.getId(), Map.of()).getOrDefault(u.getCode(), Map.of());
        Set<Integer> given = new TreeSet<>();
        Set<Integer> waiting = new TreeSet<>();
        mine.forEach((c, g) -> {
          if (expected.contains(c) && g[0]) {
            given.add(c);
          } else if (expected.contains(c) && g[1]) {
            waiting.add(c);
          }
        });
        List<Integer> missing = expected.stream().filter(c -> !given.contains(c)).toList();
        LocalDate own = unitDates.get(u.getCode());
        LocalDate deadline = own != null ? own : item.getDeadline();
        Long left = deadline == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
        out.add(new Row(item.getId(), item.getCode(), item.getTitle(), u.getCode(), u.getName(), e.getValue(), deadline, own != null,
            given, waiting, missing, left));
      }
    }
    return out;
  }
}
