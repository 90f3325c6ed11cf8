/** Harvested posts, articles and videos, their interaction-count time series, and harvest runs. */
package vn.minhchung.storage.post;
