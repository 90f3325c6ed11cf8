package vn.minhchung.harvester.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.TriggerFiredBundle;

/** Builds the jobs with a reference to their scheduler, so every job of a node shares its harvester and limits. */
final class JobFactory implements org.quartz.spi.JobFactory {
  private final HarvestScheduler owner;

  JobFactory(HarvestScheduler owner) {
    this.owner = owner;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == ChannelRunJob.class) {
      return new ChannelRunJob(owner);
    }
    if (type == SystemJobs.Sync.class) {
      return new SystemJobs.Sync(owner);
    }
    if (type == SystemJobs.AlertCheck.class) {
      return new SystemJobs.AlertCheck(owner);
    }
    throw new SchedulerException("job " + bundle.getJobDetail().getKey() + " has unknown class " + type.getName()
        + "; it was stored by another version of the harvester");
  }
}
