package vn.minhchung.harvester.capture.browser;

import java.time.Duration;
import vn.minhchung.config.settings.Settings;

/** Per-capture bounds from the settings ({@code browser.captureTimeoutSeconds}, {@code capture.fullPageMaxHeight}). */
public record CaptureLimits(int captureTimeoutMs, int fullPageMaxHeight) {
  public static CaptureLimits of(Settings s) {
    return new CaptureLimits(s.integer("browser.captureTimeoutSeconds") * 1000, s.integer("capture.fullPageMaxHeight"));
  }

  /** Encoding a 30,000 px shot on a busy machine takes long; that is not the page's fault, so shots get their own budget. */
  double shotTimeoutMs() {
    return Math.max(30_000, 2.0 * captureTimeoutMs);
  }

  /**
   * When the watchdog counts a capture's browser as hung: the page's own time, both shots' budgets, and a minute
   * for the rest (pop-ups, scrolling, the DOM, storing); 6 minutes with the default 60 s.
   */
  public Duration hungAfter() {
    return Duration.ofMillis(captureTimeoutMs + 2L * (long) shotTimeoutMs() + 60_000);
  }
}
