package vn.minhchung.harvester.connector;

import java.time.Instant;

/** A post already stored for the channel, handed to the connector so it can refresh its counts. */
public record KnownPost(String platformId, String url, Instant postedAt, Instant lastRefreshedAt) {}
