package vn.minhchung.review.progress;

import vn.minhchung.config.registry.EvidenceComponent;

/**
 * Evidence of one component linked to an item: {@code approved} (approved, link confirmed), {@code toReview}
 * (pending evidence, or a suggested link), and {@code need}, the sum of the item's targets for the component.
 */
public record ComponentProgress(EvidenceComponent component, int approved, int toReview, int need) {

  public boolean hasTarget() {
    return need > 0;
  }
}
