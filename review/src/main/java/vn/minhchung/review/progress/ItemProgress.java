package vn.minhchung.review.progress;

import java.util.List;
import java.util.Optional;

/**
 * One plan item: its deadline status, each target with what is there and what is needed, the evidence per
 * component 1..6 and the sentences saying what is missing ("3/7 clip phóng sự 5–10 phút", "chưa có bản scan
 * báo in") for the components the item expects. {@code missing} is empty when every expected component has
 * its evidence.
 */
public record ItemProgress(long itemId, String code, String title, String leadUnit, String timing,
    Optional<DeadlineStatus> deadline, List<TargetProgress> targets, List<ComponentProgress> components,
    List<String> missing) {

  public ItemProgress {
    targets = List.copyOf(targets);
    components = List.copyOf(components);
    missing = List.copyOf(missing);
  }

  /** True when the item expects evidence and every expected component has it (targets met). */
  public boolean complete() {
    return !reportOnly() && missing.isEmpty();
  }

  /** True when the item expects no evidence component: a report is all it needs. */
  public boolean reportOnly() {
    return components.stream().noneMatch(ComponentProgress::expected);
  }

  /** The components this item expects, in order. */
  public List<ComponentProgress> expected() {
    return components.stream().filter(ComponentProgress::expected).toList();
  }
}
