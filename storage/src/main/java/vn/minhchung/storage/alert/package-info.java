/** Alerts for staff: stored conditions (stale or failing channels, rejected keys, deadlines without evidence). */
package vn.minhchung.storage.alert;
