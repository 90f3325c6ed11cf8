package vn.minhchung.harvester.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long automatic runs of a channel wait after runs that ended {@code blocked} (a login wall, checkpoint or
 * captcha): 3 hours after the first, 12 hours after the second in a row, then a day after each further one, so a
 * platform that walls the harvester is not asked again and again. A run started by a person ("Thu thập ngay") is
 * never held back; a run that is not blocked ends the streak.
 */
public record BlockBackoff(List<Duration> steps) {
  public static final BlockBackoff DEFAULT = new BlockBackoff(List.of(Duration.ofHours(3), Duration.ofHours(12),
      Duration.ofDays(1)));

  public BlockBackoff {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a back-off needs at least one step");
    }
    steps = List.copyOf(steps);
  }

  /** The wait after {@code streak} blocked runs in a row (streak >= 1). */
  public Duration after(int streak) {
    return steps.get(Math.min(streak, steps.size()) - 1);
  }

  /**
   * When the next automatic run may start, or empty when it may start now: {@code streak} blocked runs in a row,
   * the latest ended at {@code lastBlockedAt}.
   */
  public Optional<Instant> holdUntil(int streak, Instant lastBlockedAt, Instant now) {
    if (streak <= 0 || lastBlockedAt == null) {
      return Optional.empty();
    }
    Instant until = lastBlockedAt.plus(after(streak));
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }
}
