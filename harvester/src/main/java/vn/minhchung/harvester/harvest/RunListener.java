package vn.minhchung.harvester.harvest;

import java.util.List;

/**
 * Plugged into {@link HarvestRunService} to act after each run of a channel (evidence capture of the new posts,
 * automatic linking to plan items …) without changing the service. Called once per run, after the run is
 * recorded, also for failed and skipped runs (then {@code newPostIds} is usually empty). A listener that throws
 * is logged and does not affect the run or the other listeners.
 */
@FunctionalInterface
public interface RunListener {

  /**
   * @param summary the recorded run
   * @param options how the run was started ({@link RunOptions#capture()} is false for {@code --no-capture})
   * @param newPostIds ids of the {@code post} rows this run inserted, in the order they were found
   */
  void afterRun(RunSummary summary, RunOptions options, List<Long> newPostIds);
}
