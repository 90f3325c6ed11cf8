package vn.minhchung.harvester.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.post.HarvestRun;

/**
 * When to run a failed channel again: after {@code delay} (or the platform's retry-after when later), at most
 * {@code perDay} retries, and only the same day (zone {@link Settings#ZONE}); after that the next regular
 * schedule takes over. Failures a person must fix (AUTH, PERMISSION, CONFIG, NOT_FOUND) are never retried.
 */
public record RetryPolicy(Duration delay, int perDay, ZoneId zone) {

  public static RetryPolicy fromSettings(Settings s) {
    return new RetryPolicy(Duration.ofMinutes(s.integer("schedule.retryDelayMinutes")),
        s.integer("schedule.retriesPerDay"), Settings.ZONE);
  }

  /** The time of the next retry, or empty when the run should be left for the next schedule. */
  public Optional<Instant> next(RunSummary run, Instant now, int retriesToday) {
    boolean failed = run.status() == HarvestRun.Status.FAILED || run.status() == HarvestRun.Status.INTERRUPTED;
    if (!failed || retriesToday >= perDay) {
      return Optional.empty();
    }
    // An unclassified failure (no kind) is an unexpected error; one more try the same day is cheap.
    if (run.failureKind().isPresent() && !run.failureKind().get().retryable()) {
      return Optional.empty();
    }
    Instant at = now.plus(delay);
    if (run.retryAfter().isPresent() && run.retryAfter().get().isAfter(at)) {
      at = run.retryAfter().get();
    }
    if (!LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(now, zone))) {
      return Optional.empty();
    }
    return Optional.of(at);
  }

  /** The start of the day of {@code now} in the policy's zone, for counting today's retries. */
  public Instant startOfDay(Instant now) {
    return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
  }
}
