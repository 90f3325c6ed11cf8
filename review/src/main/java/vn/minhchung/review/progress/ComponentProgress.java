package vn.minhchung.review.progress;

import vn.minhchung.config.registry.EvidenceComponent;

/**
 * Evidence of one component linked to an item: {@code approved} (approved, link confirmed), {@code toReview}
 * (pending evidence, or a suggested link), {@code need}, the sum of the item's targets for the component, and
 * whether the item {@code expected} this component at all (registry {@code components}).
 */
public record ComponentProgress(EvidenceComponent component, int approved, int toReview, int need, boolean expected) {

  public boolean hasTarget() {
    return need > 0;
  }

  /** Expected and still short: below its targets, or with no target and nothing approved. */
  public boolean missing() {
    return expected && (hasTarget() ? approved < need : approved == 0);
  }
}
