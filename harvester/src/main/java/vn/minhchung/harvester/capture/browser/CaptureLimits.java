package vn.minhchung.harvester.capture.browser;

import vn.minhchung.config.settings.Settings;

/** Per-capture bounds from the settings ({@code browser.captureTimeoutSeconds}, {@code capture.fullPageMaxHeight}). */
public record CaptureLimits(int captureTimeoutMs, int fullPageMaxHeight) {
  public static CaptureLimits of(Settings s) {
    return new CaptureLimits(s.integer("browser.captureTimeoutSeconds") * 1000, s.integer("capture.fullPageMaxHeight"));
  }
}
