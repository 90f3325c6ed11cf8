package vn.minhchung.review.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * The progress of one plan on one day: every item in plan order with its deadline, targets and components.
 * Computed by {@link Progress#compute}; the dashboard and the dossier's completeness sheet both show it.
 */
public record PlanProgress(String planCode, String planTitle, String issuer, LocalDate issuedOn, LocalDate today,
    List<ItemProgress> items) {

  public PlanProgress {
    items = List.copyOf(items);
  }

  /** Targets met over all items, for a headline figure. */
  public long targetsMet() {
    return items.stream().flatMap(i -> i.targets().stream()).filter(TargetProgress::met).count();
  }

  public long targetsTotal() {
    return items.stream().mapToLong(i -> i.targets().size()).sum();
  }
}
