package vn.minhchung.harvester.harvest;

import java.time.Instant;
import java.util.Optional;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.post.HarvestRun;

/** The outcome of one run, as recorded in {@code harvest_run}. */
public record RunSummary(long runId, String channelCode, HarvestRun.Status status, Instant startedAt, Instant endedAt,
    int newPosts, int updatedPosts, int failedItems, int snapshots, int captures, String error,
    Optional<ConnectorException.Kind> failureKind, Optional<Instant> retryAfter) {}
