package vn.minhchung.harvester.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;

/**
 * When to capture: a post when first seen, and once more {@code capture.recaptureDays} (default 7) after it
 * was posted, when its counts have settled; a watched {@code web_page} on every watch run within its period.
 * A failed capture is retried on the next runs, at most {@link #MAX_RETRIES} times in a row (a page that never
 * shows its date, such as some Zalo articles, must not cost a browser on every run forever).
 * Pure: the harvest service passes the facts and the time.
 */
public final class CapturePolicy {
  /** Failed captures in a row after which a post is no longer retried automatically. */
  public static final int MAX_RETRIES = 3;

  /** Why a capture is due. */
  public enum Reason { FIRST_SEEN, RETRY_AFTER_FAILURE, COUNTS_SETTLED, WATCH_RUN }

  /**
   * What the harvest knows about a post or watched page. {@code postedAt} may be unknown (then first seen
   * counts); {@code watchUntil} is the end of a web page's watch period.
   */
  public record Facts(ChannelKind kind, Instant firstSeenAt, Optional<Instant> postedAt,
      Optional<Instant> watchUntil) {}

  /** The latest capture of the post: when, and whether it was ok (only an ok capture is evidence). */
  public record LastCapture(Instant capturedAt, boolean ok) {}

  private final Duration settle;

  public CapturePolicy(int recaptureDays) {
    this.settle = Duration.ofDays(recaptureDays);
  }

  /**
   * Whether to capture now. {@code lastOk} is the latest ok capture, {@code last} the latest of any status
   * (a failed capture is retried on the next run, since walls and timeouts are often temporary);
   * {@code failedSinceOk} counts the failed captures after the latest ok one (or ever, without one).
   */
  public Optional<Reason> due(Facts post, Optional<LastCapture> lastOk, Optional<LastCapture> last,
      int failedSinceOk, Instant now) {
    if (post.kind() == ChannelKind.WEB_PAGE) {
      return post.watchUntil().map(until -> !now.isAfter(until)).orElse(true)
          ? Optional.of(Reason.WATCH_RUN) : Optional.empty();
    }
    if (failedSinceOk >= MAX_RETRIES) {
      return Optional.empty();
    }
    if (lastOk.isEmpty()) {
      return last.isPresent() ? Optional.of(Reason.RETRY_AFTER_FAILURE) : Optional.of(Reason.FIRST_SEEN);
    }
    Instant settledAt = post.postedAt().orElse(post.firstSeenAt()).plus(settle);
    boolean settledNow = !now.isBefore(settledAt);
    boolean capturedBeforeSettling = lastOk.get().capturedAt().isBefore(settledAt);
    return settledNow && capturedBeforeSettling ? Optional.of(Reason.COUNTS_SETTLED) : Optional.empty();
  }
}
