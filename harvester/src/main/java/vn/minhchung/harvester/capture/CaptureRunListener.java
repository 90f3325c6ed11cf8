package vn.minhchung.harvester.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.browser.BrowserLocator;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;
import vn.minhchung.harvester.harvest.RunListener;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.RunProblem;

/**
 * Captures, after each run started with {@link RunOptions#capture()}, every post of the channel that
 * {@link CapturePolicy} says is due: the run's new posts first, then earlier posts whose counts have settled,
 * failed captures to retry, and a watched page on each run of its period. The captures run in parallel on the
 * process's {@link LazyCaptureService}, which starts only when something is due; an ok capture becomes its
 * evidence item's latest capture, and the run's capture count grows by the captures made. Without a browser
 * the harvest still succeeds and the run gets a problem {@code capture_unavailable} saying how to install one.
 */
public final class CaptureRunListener implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureRunListener.class);
  /** Reason code of the run problem recorded when no browser could start. */
  public static final String BROWSER_MISSING = "capture_unavailable";
  /** Reason code of the run problem recorded when the captures could not be made. */
  public static final String CAPTURE_FAILED = "capture_failed";

  /** Adds captures to a run's count ({@code HarvestRunService.addCaptures}). */
  @FunctionalInterface
  public interface CaptureCount {
    void add(long runId, int captures);
  }

  /** A post due for capture and why. */
  public record Due(CaptureTargets.Target target, CapturePolicy.Reason reason) {}

  private final Database db;
  private final Settings settings;
  private final Clock clock;
  private final LazyCaptureService captures;
  private final CaptureCount count;
  private final CaptureTargets targets;
  private final CapturePolicy policy;

  public CaptureRunListener(Database db, Settings settings, Clock clock, LazyCaptureService captures,
      CaptureCount count) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    this.captures = captures;
    this.count = count;
    this.targets = new CaptureTargets(db);
    this.policy = new CapturePolicy(settings.integer("capture.recaptureDays"));
  }

  @Override
  public void afterRun(RunSummary summary, RunOptions options, List<Long> newPostIds) {
    // A blocked run met a wall: every capture of the channel's pages would meet it too.
    if (!options.capture() || summary.status() == HarvestRun.Status.SKIPPED
        || summary.status() == HarvestRun.Status.BLOCKED) {
      return;
    }
    List<Due> due = due(summary, newPostIds);
    if (due.isEmpty()) {
      return;
    }
    CaptureService service;
    try {
      service = captures.get();
    } catch (BrowserUnavailableException e) {
      LOG.warn("{} captures due but no browser: {}", due.size(), e.getMessage());
      problem(summary.runId(), BROWSER_MISSING, "Không chụp được " + due.size() + " minh chứng vì máy chủ không "
          + "có trình duyệt Chromium. Cài đặt: " + BrowserLocator.INSTALL_HINT + " (hoặc đặt "
          + "browser.executable / HARVESTER_BROWSER_EXECUTABLE). Chi tiết: " + e.getMessage());
      return;
    }
    List<CaptureRequest> requests = new ArrayList<>();
    for (Due d : due) {
      try {
        requests.add(CaptureTargets.request(d.target(), Optional.of(summary.runId())));
      } catch (IllegalArgumentException e) {
        problem(summary.runId(), CAPTURE_FAILED, d.target().url(), "Không chụp được bài viết: địa chỉ không hợp "
            + "lệ (" + e.getMessage() + ")");
      }
    }
    try {
      List<CaptureResult> results = service.captureAll(requests);
      count.add(summary.runId(), results.size());
      long ok = results.stream().filter(r -> r.status() == CaptureStatus.OK).count();
      LOG.info("captured {} pages ({} ok)", results.size(), ok);
    } catch (RuntimeException e) {
      LOG.error("captures of run {} failed", summary.runId(), e);
      problem(summary.runId(), CAPTURE_FAILED, "Không chụp được " + requests.size() + " minh chứng: " + e);
    }
  }

  /** What is due after this run, new posts first (in the order found), then the others by id. */
  public List<Due> due(RunSummary summary, List<Long> newPostIds) {
    Instant now = clock.instant();
    long channelId = db.inTransaction(s -> s.createQuery("select c.id from Channel c where c.code = :code",
        Long.class).setParameter("code", summary.channelCode()).uniqueResult());
    Duration window = Duration.ofDays(settings.integer("harvest.windowDays")
        + (long) settings.integer("capture.recaptureDays"));
    List<CaptureTargets.Target> candidates = targets.candidates(channelId, newPostIds, now.minus(window),
        summary.startedAt());
    Map<Long, CaptureTargets.History> histories = targets.histories(
        candidates.stream().map(t -> t.postId().orElseThrow()).toList());
    List<Due> out = new ArrayList<>();
    for (CaptureTargets.Target t : candidates) {
      CaptureTargets.History h = histories.getOrDefault(t.postId().orElseThrow(), CaptureTargets.History.NONE);
      policy.due(t.facts(), h.lastOk(), h.last(), h.failedSinceOk(), now).ifPresent(r -> out.add(new Due(t, r)));
    }
    return out;
  }

  private void problem(long runId, String reason, String message) {
    String url = db.inTransaction(s -> s.get(HarvestRun.class, runId).getChannel().getUrl());
    problem(runId, reason, url, message);
  }

  private void problem(long runId, String reason, String url, String message) {
    Instant now = clock.instant();
    db.runInTransaction(s -> s.persist(new RunProblem(s.getReference(HarvestRun.class, runId), now,
        url == null ? null : url.substring(0, Math.min(url.length(), 2000)), reason, message)));
  }
}
