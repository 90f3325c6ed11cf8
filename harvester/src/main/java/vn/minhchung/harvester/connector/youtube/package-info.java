/** YouTube channels: Data API v3 (uploads playlist, videos in batches of 50, daily quota) or the keyless Atom feed. */
package vn.minhchung.harvester.connector.youtube;
