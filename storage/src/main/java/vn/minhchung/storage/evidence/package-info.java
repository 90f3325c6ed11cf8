/** Evidence items (harvested or uploaded), browser captures, and links from evidence to plan items. */
package vn.minhchung.storage.evidence;
