package vn.minhchung.review.progress;

import java.util.List;
import java.util.Optional;

/**
 * One plan item: its deadline status, each target with what is there and what is needed, the evidence per
 * component 1..6 and the sentences saying what is missing ("3/7 clip phóng sự 5–10 phút", "chưa có bản scan
 * báo in"). {@code missing} is empty when every target is met.
 */
public record ItemProgress(long itemId, String code, String title, String leadUnit, String timing,
    Optional<DeadlineStatus> deadline, List<TargetProgress> targets, List<ComponentProgress> components,
    List<String> missing) {

  public ItemProgress {
    targets = List.copyOf(targets);
    components = List.copyOf(components);
    missing = List.copyOf(missing);
  }

  /** True when the item has targets and all of them are met. */
  public boolean complete() {
    return !targets.isEmpty() && targets.stream().allMatch(TargetProgress::met);
  }
}
