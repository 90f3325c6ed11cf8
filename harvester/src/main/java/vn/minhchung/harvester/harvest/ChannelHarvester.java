package vn.minhchung.harvester.harvest;

/**
 * Runs one harvest of one channel now; the same code path for the command line, "harvest now" in the UI and
 * scheduled runs. Never throws for a failing channel: the failure is recorded in the returned summary and in
 * {@code harvest_run}.
 */
public interface ChannelHarvester {

  RunSummary harvest(String channelCode, RunOptions options);
}
