package vn.minhchung.harvester.demo;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A demo site whose counts grow each time its listing is served (see {@link Growth}): the content, the clock,
 * the site's own address once its server runs, and the listing round.
 */
abstract class GrowingSite implements SiteServer.Handler {
  protected final DemoContent content;
  protected final Clock clock;
  /** The site's address ("http://127.0.0.1:PORT"), known once its server started. */
  protected volatile String base = "";
  private final AtomicInteger round = new AtomicInteger();

  GrowingSite(DemoContent content, Clock clock) {
    this.content = content;
    this.clock = clock;
  }

  void base(String baseUrl) {
    this.base = baseUrl;
  }

  /** Continues the count growth of earlier demo runs: {@code n} listings were served before this start. */
  void servedBefore(int n) {
    round.set(n);
  }

  /** Called when a harvest reads the listing: counts grow by each item's {@code perHarvest}. */
  protected void listingServed() {
    round.incrementAndGet();
  }

  /** The listing round counts are computed for (at least 1). */
  protected int round() {
    return Math.max(1, round.get());
  }
}
