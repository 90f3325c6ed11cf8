package vn.minhchung.harvester.schedule.alert;

import vn.minhchung.storage.alert.Alert;

/** A condition found by a check: the alert key it de-duplicates on, what it is about, and the Vietnamese text. */
record Condition(String key, Alert.Kind kind, Long channelId, Long planItemId, String title, String message) {}
