package vn.minhchung.harvester.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.harvester.capture.CaptureResult;
import vn.minhchung.harvester.schedule.HarvestScheduler;
import vn.minhchung.harvester.schedule.ScheduleException;
import vn.minhchung.review.web.HarvestActions;

/**
 * The web UI's "Thu thập ngay" and "Chụp lại" buttons: a harvest goes through the scheduler's job for the
 * channel (so it never overlaps a scheduled run and its failure is recorded like any run); a capture runs on
 * one background thread and files its outcome as a capture row, which the evidence page shows.
 */
final class BackgroundActions implements HarvestActions, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundActions.class);

  private final HarvestScheduler scheduler;
  private final Harvesting harvesting;
  private final ExecutorService captures = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ui-capture");
    t.setDaemon(true);
    return t;
  });

  BackgroundActions(HarvestScheduler scheduler, Harvesting harvesting) {
    this.scheduler = scheduler;
    this.harvesting = harvesting;
  }

  /** A channel registered or re-enabled in the UI a moment ago may not be scheduled yet: sync, then retry. */
  @Override
  public void harvestNow(String channelCode) {
    try {
      scheduler.triggerNow(channelCode, "ui");
    } catch (ScheduleException notYetScheduled) {
      scheduler.sync();
      scheduler.triggerNow(channelCode, "ui");
    }
  }

  @Override
  public void captureAgain(long evidenceId) {
    captures.execute(() -> {
      try {
        CaptureResult r = harvesting.captureAgain(evidenceId);
        LOG.info("capture again of evidence {}: capture {} {}", evidenceId, r.captureId(), r.status().code());
      } catch (RuntimeException e) {
        LOG.error("capture again of evidence {} failed: {}", evidenceId, e.getMessage(), e);
      }
    });
  }

  @Override
  public java.util.Optional<String> refusal(java.net.URI url) {
    return harvesting.refusal(url);
  }

  @Override
  public void close() {
    captures.shutdown();
    try {
      if (!captures.awaitTermination(30, TimeUnit.SECONDS)) {
        captures.shutdownNow();
      }
    } catch (InterruptedException e) {
      captures.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
