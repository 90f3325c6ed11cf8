package vn.minhchung.harvester.http;

import java.time.Duration;

/** Waits; replaced in tests so that backoff can be asserted without real sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis());
    }
  };
}
