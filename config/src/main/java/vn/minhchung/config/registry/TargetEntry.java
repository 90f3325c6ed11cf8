package vn.minhchung.config.registry;

import java.time.Duration;

/** A quantified target of an item: {@code count} pieces of evidence of one component, optional video length bounds. */
public record TargetEntry(int component, String description, int count, Duration minDuration, Duration maxDuration,
    Where where) {}
