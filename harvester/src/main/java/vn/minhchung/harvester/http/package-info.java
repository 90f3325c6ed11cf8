/** HTTP for every connector: timeouts, size limits, retries with backoff and jitter, Retry-After honoured. */
package vn.minhchung.harvester.http;
