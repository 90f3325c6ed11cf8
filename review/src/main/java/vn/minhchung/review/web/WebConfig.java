package vn.minhchung.review.web;

import java.time.Duration;
import vn.minhchung.config.settings.Settings;

/** The web server's settings: bind address and port, session timeout, upload limit, deadline warning days. */
public record WebConfig(String host, int port, Duration sessionTimeout, long uploadMaxBytes, int deadlineWarnDays) {

  public static WebConfig from(Settings s, String host, int port) {
    return new WebConfig(host, port, Duration.ofMinutes(s.integer("web.sessionTimeoutMinutes")),
        s.longValue("web.uploadMaxBytes"), s.integer("alerts.deadlineDays"));
  }
}
