package vn.minhchung.harvester.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The demo's clock: the given clock, or, while {@link #travelTo travelling}, a moment in the past. The demo fills
 * the past days of the banner watch period with it (the harvester and the demo portal read the same clock, as they
 * would have on each of those days); production code only ever sees a {@link Clock}.
 */
public final class DemoClock extends Clock {
  private final Clock base;
  private volatile Instant fixed;

  public DemoClock(Clock base) {
    this.base = base;
  }

  /** From now on, the time is {@code at} (frozen) until {@link #back()}. */
  public void travelTo(Instant at) {
    this.fixed = at;
  }

  /** Back to the base clock. */
  public void back() {
    this.fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f != null ? f : base.instant();
  }
}
