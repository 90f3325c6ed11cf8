package vn.minhchung.review.web;

import java.time.Duration;
import vn.minhchung.config.settings.Settings;

/** The web server's settings: bind address and port, session timeout, upload limit, deadline warning days, days without success before a channel is flagged. */
public record WebConfig(String host, int port, Duration sessionTimeout, long uploadMaxBytes, int deadlineWarnDays,
    int staleDays) {

  public static WebConfig from(Settings s, String host, int port) {
    return new WebConfig(host, port, Duration.ofMinutes(s.integer("web.sessionTimeoutMinutes")),
        s.longValue("web.uploadMaxBytes"), s.integer("alerts.deadlineDays"), s.integer("alerts.staleDays"));
  }
}
