/** Alerts for staff: detection of stale/failing channels, rejected keys and deadlines, storage and e-mail. */
package vn.minhchung.harvester.schedule.alert;
