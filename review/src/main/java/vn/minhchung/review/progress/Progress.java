package vn.minhchung.review.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;

/**
 * Computes {@link PlanProgress}. {@link #compute} reads the plan and its evidence links in two queries;
 * {@link #of} is the pure rule, shared by the dashboard and the dossier's completeness sheet.
 */
public final class Progress {
  private Progress() {}

  /**
   * The progress of the plan with this code on {@code today} (the deadline countdown is relative to it).
   *
   * @throws NoSuchElementException when no plan has this code
   */
  public static PlanProgress compute(Session session, String planCode, LocalDate today) {
    Plan plan = session.createSelectionQuery("from Plan p where p.code = :c", Plan.class)
        .setParameter("c", planCode).uniqueResultOptional()
        .orElseThrow(() -> new NoSuchElementException("no plan with code '" + planCode + "'; import it with 'registry import'"));
    List<LinkedEvidence> rows = session.createSelectionQuery(
        "select new vn.minhchung.review.progress.LinkedEvidence(i.code, e.id, e.component, e.status, l.state,"
            + " p.durationSeconds, e.kind, e.title, e.occurredAt)"
            + " from EvidenceLink l join l.planItem i join l.evidence e left join e.post p"
            + " where i.plan = :plan and l.state <> 'rejected' order by e.id", LinkedEvidence.class)
        .setParameter("plan", plan).getResultList();
    return of(plan, rows, today);
  }

  /** The pure rule: the plan's items and targets against the linked evidence. */
  public static PlanProgress of(Plan plan, List<LinkedEvidence> linked, LocalDate today) {
    List<ItemProgress> items = new ArrayList<>();
    for (PlanItem item : plan.getItems()) {
      List<LinkedEvidence> mine = linked.stream().filter(l -> l.itemCode().equals(item.getCode())).toList();
      items.add(item(item, mine, today));
    }
    return new PlanProgress(plan.getCode(), plan.getTitle(), plan.getIssuer(), plan.getIssuedOn(), today, items);
  }

  private static ItemProgress item(PlanItem item, List<LinkedEvidence> mine, LocalDate today) {
    List<TargetProgress> targets = new ArrayList<>();
    for (PlanTarget t : item.getTargets()) {
      Integer min = seconds(t.getMinDuration());
      Integer max = seconds(t.getMaxDuration());
      EvidenceKind kind = EvidenceKind.of(t.getKind()).orElse(null);
      TargetRule rule = new TargetRule(t.getComponent(), kind, min, max, item.getPlan().getIssuedOn(), item.getDeadline());
      List<TargetEvidence> counted = new ArrayList<>();
      List<LinkedEvidence> notCounted = new ArrayList<>();
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (LinkedEvidence l : mine) {
        if (rule.relevant(l) && seen.add(l.evidenceId())) {
          if (rule.reason(l).isEmpty()) {
            counted.add(new TargetEvidence(l.evidenceId(), l.title(), null));
          } else {
            notCounted.add(l);
          }
        }
      }
      // The evidence nearest to counting first: of the target's kind, then approved, then by id.
      notCounted.sort(java.util.Comparator.comparing((LinkedEvidence l) -> !rule.ofKind(l))
          .thenComparing(l -> !"approved".equals(l.status())).thenComparingLong(LinkedEvidence::evidenceId));
      List<TargetEvidence> listed = new ArrayList<>(counted);
      notCounted.forEach(l -> listed.add(new TargetEvidence(l.evidenceId(), l.title(), rule.reason(l).orElseThrow())));
      targets.add(new TargetProgress(TargetRule.componentOf(t.getComponent()), kind, t.getDescription(), t.getCount(),
          counted.size(), min, max, listed));
    }
    // The registry refuses a target outside the expected components; a target always counts as expected here.
    java.util.Set<Integer> expected = new java.util.TreeSet<>(item.expectedComponents());
    item.getTargets().forEach(t -> expected.add(t.getComponent()));
    List<ComponentProgress> components = new ArrayList<>();
    for (EvidenceComponent c : EvidenceComponent.values()) {
      int approved = (int) mine.stream().filter(l -> l.component() == c.number() && l.counts())
          .map(LinkedEvidence::evidenceId).distinct().count();
      int toReview = (int) mine.stream().filter(l -> l.component() == c.number() && l.toReview())
          .map(LinkedEvidence::evidenceId).distinct().count();
      int need = targets.stream().filter(t -> t.component() == c).mapToInt(TargetProgress::need).sum();
      components.add(new ComponentProgress(c, approved, toReview, need, expected.contains(c.number())));
    }
    List<String> missing = new ArrayList<>(targets.stream().filter(t -> !t.met()).map(TargetProgress::missingText).toList());
    for (ComponentProgress c : components) {
      if (c.missing() && !c.hasTarget()) {
        missing.add("chưa có " + c.component().shortName());
      }
    }
    String lead = item.getLead() == null ? null : item.getLead().getName();
    Optional<DeadlineStatus> deadline = Optional.ofNullable(item.getDeadline()).map(d -> DeadlineStatus.of(d, today));
    return new ItemProgress(item.getId() == null ? 0 : item.getId(), item.getCode(), item.getTitle(), lead,
        item.getTiming(), deadline, targets, components, missing);
  }

  private static Integer seconds(java.time.Duration d) {
    return d == null ? null : Math.toIntExact(d.getSeconds());
  }
}
