package vn.minhchung.config.registry;

import java.time.Duration;

/**
 * A quantified target of an item: {@code count} pieces of evidence of one component, optionally of one
 * {@link EvidenceKind} (null: any kind) and with video length bounds.
 */
public record TargetEntry(int component, EvidenceKind kind, String description, int count, Duration minDuration,
    Duration maxDuration, Where where) {}
