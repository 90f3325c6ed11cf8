package vn.minhchung.harvester.spec;

import java.util.List;
import java.util.Set;

/**
 * Whether a video's duration fits the plan targets that apply to its channel. A video fits when it lies inside
 * the bounds of at least one target; with no target bounds (or an unknown duration) there is nothing to flag.
 */
public final class DurationSpec {
  /** Flag put on a post whose duration is outside every applicable target's bounds. */
  public static final String OUT_OF_SPEC = "duration_out_of_spec";

  private DurationSpec() {}

  public static boolean fits(int seconds, List<DurationBounds> targets) {
    return targets.stream().anyMatch(b -> b.contains(seconds));
  }

  /** {@code {duration_out_of_spec}} or no flag. */
  public static Set<String> flags(Integer durationSeconds, List<DurationBounds> targets) {
    if (durationSeconds == null || targets.isEmpty() || fits(durationSeconds, targets)) {
      return Set.of();
    }
    return Set.of(OUT_OF_SPEC);
  }
}
