package vn.minhchung.harvester.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;

/**
 * Makes the channel jobs match the registry: a job and cron trigger per active channel, the cron changed when
 * the registry's changed, the job deleted when the channel is disabled or gone. Stored schedules are read in
 * one query from Quartz's tables, so a sync of 10,000 unchanged channels costs two queries; an unchanged trigger
 * is left alone, which keeps its misfire state (a run missed during downtime still fires once).
 */
final class RegistrySync {
  static final String GROUP = "channel";
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);
  private static final int BATCH = 500;

  private final Scheduler scheduler;
  private final DataSource dataSource;
  private final String defaultCron;
  private final int spreadMinutes;

  RegistrySync(Scheduler scheduler, DataSource dataSource, Settings settings) {
    this.scheduler = scheduler;
    this.dataSource = dataSource;
    this.defaultCron = settings.string("schedule.defaultCron");
    this.spreadMinutes = settings.integer("schedule.spreadMinutes");
  }

  SyncResult apply(List<RunBook.ChannelRow> channels) throws SchedulerException {
    Map<String, String> stored = storedCrons();
    Set<String> jobs = new HashSet<>();
    scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).forEach(k -> jobs.add(k.getName()));
    Set<String> wanted = new HashSet<>();
    Map<JobDetail, Set<? extends Trigger>> toAdd = new LinkedHashMap<>();
    List<String> invalid = new java.util.ArrayList<>();
    int added = 0;
    int rescheduled = 0;
    for (RunBook.ChannelRow c : channels) {
      if (!c.active()) {
        continue;
      }
      String cron = ChannelSchedules.cronFor(c.code(), c.schedule(), defaultCron, spreadMinutes);
      if (!CronExpression.isValidExpression(cron)) {
        LOG.warn("channel {}: schedule '{}' is not a valid Quartz cron (e.g. '0 0 6 * * ?'); fix it in the registry",
            c.code(), cron);
        invalid.add(c.code());
        wanted.add(c.code());
        continue;
      }
      wanted.add(c.code());
      String current = stored.get(c.code());
      if (current == null && !jobs.contains(c.code())) {
        toAdd.put(job(c.code()), Set.of(trigger(c.code(), cron, new Date())));
        added++;
        if (toAdd.size() >= BATCH) {
          scheduler.scheduleJobs(toAdd, false);
          toAdd.clear();
        }
      } else if (current == null) {
        scheduler.scheduleJob(trigger(c.code(), cron, new Date()));
        added++;
      } else if (!current.equals(cron)) {
        scheduler.rescheduleJob(TriggerKey.triggerKey(c.code(), GROUP), trigger(c.code(), cron, new Date()));
        rescheduled++;
      }
    }
    if (!toAdd.isEmpty()) {
      scheduler.scheduleJobs(toAdd, false);
    }
    int removed = 0;
    for (String code : jobs) {
      if (!wanted.contains(code)) {
        scheduler.deleteJob(JobKey.jobKey(code, GROUP));
        removed++;
      }
    }
    SyncResult r = new SyncResult(wanted.size(), added, rescheduled, removed, List.copyOf(invalid));
    if (added + rescheduled + removed > 0 || !invalid.isEmpty()) {
      LOG.info("registry sync: {} active channel(s), {} added, {} rescheduled, {} removed, {} invalid",
          r.active(), added, rescheduled, removed, invalid.size());
    }
    return r;
  }

  static JobDetail job(String code) {
    return JobBuilder.newJob(ChannelRunJob.class).withIdentity(code, GROUP)
        .withDescription("harvest of channel " + code).storeDurably().requestRecovery().build();
  }

  /** The channel's cron trigger in the deployment zone; a run missed while no node was up fires once. */
  static Trigger trigger(String code, String cron, Date startAt) {
    return TriggerBuilder.newTrigger().withIdentity(code, GROUP).forJob(code, GROUP).startAt(startAt)
        .usingJobData(ChannelRunJob.TRIGGER_KIND, "schedule")
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(Settings.ZONE))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  /** Channel code → stored cron (with its zone checked), straight from Quartz's tables. */
  private Map<String, String> storedCrons() throws SchedulerException {
    String sql = "select t.trigger_name, c.cron_expression, c.time_zone_id from qrtz_triggers t"
        + " join qrtz_cron_triggers c on c.sched_name = t.sched_name and c.trigger_name = t.trigger_name"
        + " and c.trigger_group = t.trigger_group where t.sched_name = ? and t.trigger_group = ?";
    Map<String, String> out = new HashMap<>();
    try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
      ps.setString(1, scheduler.getSchedulerName());
      ps.setString(2, GROUP);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // A trigger stored in another zone counts as changed, so it is rebuilt in Asia/Ho_Chi_Minh.
          boolean sameZone = Settings.ZONE.getId().equals(rs.getString(3));
          out.put(rs.getString(1), sameZone ? rs.getString(2) : "");
        }
      }
    } catch (SQLException e) {
      throw new SchedulerException("cannot read stored schedules from qrtz_triggers: " + e.getMessage(), e);
    }
    return out;
  }
}
