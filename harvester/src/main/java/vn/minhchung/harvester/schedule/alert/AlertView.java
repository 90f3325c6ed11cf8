package vn.minhchung.harvester.schedule.alert;

import java.time.Instant;
import vn.minhchung.storage.alert.Alert;

/**
 * An alert as shown by {@code alerts list} and the web UI. {@code channel} is a channel code, {@code planItem}
 * is {@code PLAN/ITEM}; either may be null.
 */
public record AlertView(String key, String kind, String status, String channel, String planItem, String title,
    String message, Instant firstSeenAt, Instant lastSeenAt, Instant resolvedAt, Instant notifiedAt) {

  static AlertView of(Alert a) {
    return new AlertView(a.getKey(), a.getKind().code(), a.getStatus(),
        a.getChannel() == null ? null : a.getChannel().getCode(),
        a.getPlanItem() == null ? null : a.getPlanItem().getPlan().getCode() + "/" + a.getPlanItem().getCode(),
        a.getTitle(), a.getMessage(), a.getFirstSeenAt(), a.getLastSeenAt(), a.getResolvedAt(), a.getNotifiedAt());
  }
}
