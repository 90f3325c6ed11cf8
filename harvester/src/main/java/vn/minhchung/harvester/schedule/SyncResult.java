package vn.minhchung.harvester.schedule;

import java.util.List;

/**
 * What one registry sync changed: active channels, jobs added, rescheduled (cron changed) and removed (channel
 * disabled or deleted), and the codes of channels whose cron Quartz cannot parse (skipped, logged).
 */
public record SyncResult(int active, int added, int rescheduled, int removed, List<String> invalid) {}
