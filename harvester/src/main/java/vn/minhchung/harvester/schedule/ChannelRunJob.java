package vn.minhchung.harvester.schedule;

import java.time.Instant;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.post.HarvestRun;

/**
 * One harvest of one channel (the job name is the channel code). Quartz runs it on one node of the cluster at
 * a time and re-runs it on another node when its node dies ({@code requestsRecovery}). After the run it
 * schedules a same-day retry when the failure allows one, and reports the outcome to the alerts.
 */
@DisallowConcurrentExecution
final class ChannelRunJob implements InterruptableJob {
  static final String TRIGGER_KIND = "trigger";
  private static final Logger LOG = LoggerFactory.getLogger(ChannelRunJob.class);

  private final HarvestScheduler owner;
  private volatile Thread worker;
  private volatile boolean interrupted;

  ChannelRunJob(HarvestScheduler owner) {
    this.owner = owner;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String code = context.getJobDetail().getKey().getName();
    String trigger = Optional.ofNullable(context.getMergedJobDataMap().getString(TRIGGER_KIND)).orElse("schedule");
    worker = Thread.currentThread();
    MDC.put("channel", code);
    RunSummary summary = null;
    try {
      if (context.isRecovering()) {
        int n = owner.runBook().markInterrupted(code, owner.now(),
            "Nút chạy bị dừng đột ngột; lần chạy được tiếp tục trên nút " + owner.instanceId());
        LOG.info("recovering the run of channel {} from a failed node ({} run(s) marked interrupted)", code, n);
        trigger = "retry";
      }
      Optional<ChannelKind> kind = owner.runBook().kindOf(code);
      if (kind.isEmpty()) {
        LOG.warn("channel {} is no longer in the registry; its job is removed at the next sync", code);
        return;
      }
      if (!trigger.equals("ui") && heldBack(code)) {
        return;
      }
      try (PlatformLimits.Permit permit = owner.limits().acquire(kind.get())) {
        summary = owner.harvester().harvest(code, new RunOptions(trigger, true));
      }
      afterRun(code, summary);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted && (summary == null || !summary.status().equals(HarvestRun.Status.SUCCESS)
          && !summary.status().equals(HarvestRun.Status.PARTIAL))) {
        // Clear the flag so the pool hands out a connection to record the interruption.
        Thread.interrupted();
        resumeLater(code);
      }
      worker = null;
      MDC.remove("channel");
    }
  }

  private void afterRun(String code, RunSummary summary) {
    Instant now = owner.now();
    owner.alerts().ifPresent(a -> a.recordRun(code, summary.status(), summary.failureKind(), summary.error()));
    if (interrupted) {
      return;
    }
    RetryPolicy policy = owner.retryPolicy();
    int retriesToday = summary.status() == HarvestRun.Status.FAILED || summary.status() == HarvestRun.Status.INTERRUPTED
        ? owner.runBook().retriesSince(code, policy.startOfDay(now)) : 0;
    policy.next(summary, now, retriesToday).ifPresent(at -> {
      LOG.info("channel {} failed ({}); retry {} of {} today at {}", code,
          summary.failureKind().map(Enum::name).orElse("unclassified"), retriesToday + 1, policy.perDay(), at);
      owner.scheduleRetry(code, at);
    });
  }

  /** Whether an automatic run must wait after blocked runs ({@link BlockBackoff}); logs until when. */
  private boolean heldBack(String code) {
    RunBook.BlockStreak streak = owner.runBook().blockStreak(code);
    Optional<Instant> until = owner.blockBackoff().holdUntil(streak.runs(), streak.lastEndedAt(), owner.now());
    until.ifPresent(at -> LOG.info("channel {} was blocked in its last {} run(s); automatic runs wait until {}"
        + " (a run started from the UI is not held back)", code, streak.runs(), at));
    return until.isPresent();
  }

  /** The run was cut by a shutdown: record it and run the channel again at the next start (or on another node). */
  private void resumeLater(String code) {
    Instant now = owner.now();
    owner.runBook().markInterrupted(code, now, "Dừng do máy chủ tắt (" + owner.instanceId() + "); sẽ chạy lại khi khởi động");
    owner.scheduleRetry(code, now);
  }

  @Override
  public void interrupt() {
    interrupted = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }
}
