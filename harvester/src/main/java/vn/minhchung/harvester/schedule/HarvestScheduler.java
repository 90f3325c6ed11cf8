package vn.minhchung.harvester.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.harvest.ChannelHarvester;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.storage.db.Database;

/**
 * The scheduled harvests of one node, started by {@code serve}: Quartz with its JDBC job store in the
 * application database, clustered (several nodes share the jobs, each channel runs on one node at a time, a
 * dead node's runs are recovered by another), one job per active channel plus periodic registry sync and
 * alert checks.
 *
 * <pre>
 * HarvestScheduler s = new HarvestScheduler(db, settings, harvester, Optional.of(alerts), clock);
 * s.start();                      // syncs with the registry, then runs jobs
 * s.sync();                       // after a registry import or a UI edit, to reschedule at once
 * s.triggerNow("FB-TTBN", "ui");  // "harvest now" through the same job (one run per channel at a time)
 * s.stop(true);                   // on shutdown: lets runs finish within schedule.shutdownWaitSeconds
 * </pre>
 */
public final class HarvestScheduler implements AutoCloseable {
  static final String NAME = "harvester";
  static final String RETRY_GROUP = "retry";
  private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);

  private final Database db;
  private final Settings settings;
  private final ChannelHarvester harvester;
  private final Optional<AlertService> alerts;
  private final Clock clock;
  private final PlatformLimits limits;
  private final RetryPolicy retryPolicy;
  private final RunBook runBook;
  private volatile Scheduler scheduler;
  private RegistrySync registrySync;

  public HarvestScheduler(Database db, Settings settings, ChannelHarvester harvester, Optional<AlertService> alerts,
      Clock clock) {
    this.db = db;
    this.settings = settings;
    this.harvester = harvester;
    this.alerts = alerts;
    this.clock = clock;
    this.limits = PlatformLimits.fromSettings(settings);
    this.retryPolicy = RetryPolicy.fromSettings(settings);
    this.runBook = new RunBook(db);
  }

  /** Builds the Quartz scheduler, reconciles jobs with the registry and starts running them. */
  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("scheduler already started");
    }
    try {
      int threads = settings.integer("schedule.threads");
      if (db.target().poolSize() < threads + 3) {
        LOG.warn("database pool of {} connections is small for {} scheduler threads; runs may wait for connections",
            db.target().poolSize(), threads);
      }
      String provider = "harvester-" + UUID.randomUUID();
      DBConnectionManager.getInstance().addConnectionProvider(provider, new DataSourceConnectionProvider(db.dataSource()));
      scheduler = new StdSchedulerFactory(quartzProperties(provider, threads)).getScheduler();
      scheduler.setJobFactory(new JobFactory(this));
      registrySync = new RegistrySync(scheduler, db.dataSource(), settings);
      scheduleSystemJobs();
      sync();
      scheduler.start();
      LOG.info("scheduler {} started ({} threads, clustered, database {})", instanceId(), threads, db.target().describe());
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot start the scheduler on database " + db.target().describe() + ": "
          + e.getMessage() + "; check that migration V7_1 (Quartz tables) was applied", e);
    }
  }

  private Properties quartzProperties(String provider, int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", NAME);
    p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    // One extra thread for the sync and alert jobs, so they never wait behind long harvests.
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads + 1));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    // The cluster manager and misfire handler must not keep a process alive that forgot to call stop().
    p.setProperty("org.quartz.jobStore.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", db.target().isPostgres()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", provider);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", settings.string("schedule.clusterCheckinMs"));
    p.setProperty("org.quartz.jobStore.misfireThreshold", settings.string("schedule.misfireThresholdMs"));
    return p;
  }

  private void scheduleSystemJobs() throws SchedulerException {
    schedulePeriodic(SystemJobs.Sync.class, "sync", Duration.ofSeconds(settings.integer("schedule.syncSeconds")));
    if (alerts.isPresent()) {
      schedulePeriodic(SystemJobs.AlertCheck.class, "alerts", Duration.ofMinutes(settings.integer("alerts.checkMinutes")));
    }
  }

  private void schedulePeriodic(Class<? extends org.quartz.Job> type, String name, Duration every) throws SchedulerException {
    var job = org.quartz.JobBuilder.newJob(type).withIdentity(name, SystemJobs.GROUP).storeDurably().build();
    Trigger t = TriggerBuilder.newTrigger().withIdentity(name, SystemJobs.GROUP).forJob(job)
        .startAt(Date.from(Instant.now().plus(every)))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis()).repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    scheduler.scheduleJob(job, Set.of(t), true);
  }

  /** Reconciles the channel jobs with the registry now; safe to call from any node at any time. */
  public synchronized SyncResult sync() {
    requireStarted();
    try {
      return registrySync.apply(runBook.channels());
    } catch (SchedulerException e) {
      throw new ScheduleException("registry sync failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the channel's job as soon as a thread (on any node) is free, through the same job as the schedule, so
   * it never overlaps a scheduled run of the channel. {@code triggerKind}: manual | ui | demo.
   */
  public void triggerNow(String channelCode, String triggerKind) {
    requireStarted();
    JobKey key = JobKey.jobKey(channelCode, RegistrySync.GROUP);
    try {
      if (!scheduler.checkExists(key)) {
        throw new ScheduleException("channel " + channelCode + " is not scheduled: it is unknown or inactive"
            + " (check 'channels list'); activate it in the registry first");
      }
      scheduler.triggerJob(key, new JobDataMap(java.util.Map.of(ChannelRunJob.TRIGGER_KIND, triggerKind)));
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot start channel " + channelCode + " now: " + e.getMessage(), e);
    }
  }

  /** When the channel's regular schedule fires next, if it is scheduled. */
  public Optional<Instant> nextRun(String channelCode) {
    requireStarted();
    try {
      Trigger t = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey(channelCode, RegistrySync.GROUP));
      return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot read the schedule of channel " + channelCode + ": " + e.getMessage(), e);
    }
  }

  /** A one-shot run of the channel at {@code at} with trigger kind {@code retry}. */
  void scheduleRetry(String channelCode, Instant at) {
    Trigger t = TriggerBuilder.newTrigger()
        .withIdentity(channelCode + "@" + at.toEpochMilli() + "#" + UUID.randomUUID().toString().substring(0, 8), RETRY_GROUP)
        .forJob(channelCode, RegistrySync.GROUP).startAt(Date.from(at))
        .usingJobData(ChannelRunJob.TRIGGER_KIND, "retry")
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    Scheduler s = scheduler;
    if (s == null) {
      LOG.warn("scheduler stopped before the retry of channel {} could be scheduled; Quartz recovery resumes it", channelCode);
      return;
    }
    try {
      s.scheduleJob(t);
    } catch (SchedulerException e) {
      LOG.error("cannot schedule the retry of channel {} at {}; it runs at its next regular time", channelCode, at, e);
    }
  }

  /**
   * Stops this node. With {@code waitForRuns}, running harvests get up to {@code schedule.shutdownWaitSeconds}
   * to finish; the ones still running then are interrupted, recorded as {@code interrupted} and get a one-shot
   * {@code retry} trigger, so the next start (or another node) resumes them.
   */
  public synchronized void stop(boolean waitForRuns) {
    if (scheduler == null) {
      return;
    }
    try {
      scheduler.standby();
      Duration wait = waitForRuns ? Duration.ofSeconds(settings.integer("schedule.shutdownWaitSeconds")) : Duration.ZERO;
      if (!awaitRunsDone(wait)) {
        for (JobExecutionContext c : running()) {
          LOG.warn("interrupting the run of channel {} for shutdown", c.getJobDetail().getKey().getName());
          scheduler.interrupt(c.getFireInstanceId());
        }
        awaitRunsDone(Duration.ofSeconds(10));
      }
      scheduler.shutdown(false);
      LOG.info("scheduler {} stopped", instanceId());
    } catch (SchedulerException e) {
      throw new ScheduleException("cannot stop the scheduler cleanly: " + e.getMessage(), e);
    } finally {
      scheduler = null;
    }
  }

  private List<JobExecutionContext> running() throws SchedulerException {
    return scheduler.getCurrentlyExecutingJobs().stream()
        .filter(c -> RegistrySync.GROUP.equals(c.getJobDetail().getKey().getGroup())).toList();
  }

  private boolean awaitRunsDone(Duration max) throws SchedulerException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!running().isEmpty()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    stop(true);
  }

  public boolean isStarted() {
    return scheduler != null;
  }

  /** The Quartz instance id of this node (host name + start time), as shown in the cluster tables. */
  public String instanceId() {
    Scheduler s = scheduler;
    try {
      return s == null ? "-" : s.getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "-";
    }
  }

  Scheduler quartz() {
    return scheduler;
  }

  private void requireStarted() {
    if (scheduler == null) {
      throw new IllegalStateException("scheduler not started; call start() first");
    }
  }

  Instant now() {
    return clock.instant();
  }

  ChannelHarvester harvester() {
    return harvester;
  }

  Optional<AlertService> alerts() {
    return alerts;
  }

  PlatformLimits limits() {
    return limits;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  BlockBackoff blockBackoff() {
    return BlockBackoff.DEFAULT;
  }

  RunBook runBook() {
    return runBook;
  }
}
