package vn.minhchung.harvester.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduler's own periodic work; each runs on one node of the cluster at a time. */
final class SystemJobs {
  static final String GROUP = "system";
  private static final Logger LOG = LoggerFactory.getLogger(SystemJobs.class);

  private SystemJobs() {}

  /** Reconciles the channel jobs with the registry, so imports and UI edits reschedule without a restart. */
  @DisallowConcurrentExecution
  static final class Sync implements Job {
    private final HarvestScheduler owner;

    Sync(HarvestScheduler owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      if (!owner.isStarted()) {
        return;
      }
      try {
        owner.sync();
      } catch (RuntimeException e) {
        LOG.error("periodic registry sync failed; the next one retries", e);
      }
    }
  }

  /** Re-evaluates every alert condition and e-mails new alerts. */
  @DisallowConcurrentExecution
  static final class AlertCheck implements Job {
    private final HarvestScheduler owner;

    AlertCheck(HarvestScheduler owner) {
      this.owner = owner;
    }

    @Override
    public void execute(JobExecutionContext context) {
      owner.alerts().ifPresent(a -> {
        try {
          a.check();
        } catch (RuntimeException e) {
          LOG.error("alert check failed; the next one retries", e);
        }
      });
    }
  }
}
