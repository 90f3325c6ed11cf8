package vn.minhchung.harvester.schedule.alert;

import vn.minhchung.storage.alert.Alert;

/**
 * A condition found by a check: the alert key it de-duplicates on, what it is about, the Vietnamese text, and
 * for a condition announced in stages (a deadline: before, due, overdue week N) its stage, else null; a new
 * stage makes the open alert new again (e-mailed again).
 */
record Condition(String key, Alert.Kind kind, Long channelId, Long planItemId, String title, String message,
    String stage) {
  Condition(String key, Alert.Kind kind, Long channelId, Long planItemId, String title, String message) {
    this(key, kind, channelId, planItemId, title, message, null);
  }
}
