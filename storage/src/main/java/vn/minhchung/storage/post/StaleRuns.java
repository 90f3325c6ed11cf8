package vn.minhchung.storage.post;

import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Ends the runs that a killed process left {@code running}: on start, any command that opens the database
 * looks at the running runs of its own host and marks those whose owning process is gone as {@code interrupted}.
 * Runs of other hosts, and runs whose owner still runs (a {@code serve} or another command beside this one),
 * are left alone; runs of a dead node are ended by the scheduler's cluster recovery.
 */
public final class StaleRuns {
  /** The error shown on an interrupted run. */
  public static final String MESSAGE = "bị gián đoạn: tiến trình thu thập đã dừng đột ngột (process ended while running)";

  private StaleRuns() {}

  /** Marks this host's runs of dead processes interrupted; returns their ids. */
  public static List<Long> interrupt(Session s, String host, Instant now) {
    List<HarvestRun> running = s.createSelectionQuery(
            "from HarvestRun r where r.status = 'running' and r.node = :host", HarvestRun.class)
        .setParameter("host", host).getResultList();
    List<HarvestRun> dead = running.stream()
        .filter(r -> r.getOwner().map(o -> !o.isAlive()).orElse(false))
        .toList();
    for (HarvestRun r : dead) {
      r.finish(HarvestRun.Status.INTERRUPTED, now, r.getNewPosts(), r.getUpdatedPosts(), r.getFailedItems(),
          r.getSnapshots(), r.getCaptures(), MESSAGE);
    }
    return dead.stream().map(HarvestRun::getId).toList();
  }
}
