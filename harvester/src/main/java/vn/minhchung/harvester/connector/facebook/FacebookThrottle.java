package vn.minhchung.harvester.connector.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.http.Sleeper;

/**
 * Process-wide pacing of Graph calls, shared by every Facebook channel (app usage is counted per app). Above
 * {@link #SLOW_FROM} percent usage it pauses in proportion to how close usage is to 100; once Facebook has
 * limited us it refuses calls until the time given, because calls made while limited extend the block.
 */
public final class FacebookThrottle {
  /** Usage percentage from which calls are spaced out. */
  public static final int SLOW_FROM = 75;
  static final String APP = "app";

  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration maxPause;
  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  /** {@code maxPause} is the pause at 100 % usage; at 75 % there is none. */
  public FacebookThrottle(Sleeper sleeper, Clock clock, Duration maxPause) {
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxPause = maxPause;
  }

  /** Fails fast while the app or this page is blocked. */
  public void beforeCall(String channelCode, String pageId) throws ConnectorException {
    Instant now = clock.instant();
    for (String key : new String[] {APP, pageId}) {
      Instant until = blockedUntil.get(key);
      if (until != null && until.isAfter(now)) {
        throw new ConnectorException(ConnectorException.Kind.RATE_LIMITED, channelCode
            + ": Facebook đang giới hạn số lần gọi; tạm dừng đến " + until + " (không gọi thêm để khỏi kéo dài)",
            until, null);
      }
    }
  }

  /** Reads the usage of the last answer: pauses when usage is high, blocks when access must be regained. */
  public void afterCall(String pageId, FacebookUsage usage) throws InterruptedException {
    if (!usage.regainAccess().isZero()) {
      block(pageId, clock.instant().plus(usage.regainAccess()));
      return;
    }
    if (usage.maxPercent() >= 100) {
      block(APP, clock.instant().plus(maxPause));
    } else if (usage.maxPercent() > SLOW_FROM) {
      sleeper.sleep(maxPause.multipliedBy(usage.maxPercent() - SLOW_FROM).dividedBy(100 - SLOW_FROM));
    }
  }

  /** Refuses calls for {@code key} (the app, or one page id) until {@code until}. */
  public void block(String key, Instant until) {
    blockedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
  }
}
