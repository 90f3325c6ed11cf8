package vn.minhchung.harvester.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.harvest.ChannelHarvester;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;

/**
 * A harvester for scheduler tests that behaves like the real one towards the database: it records a
 * {@code harvest_run} row (running, then finished), and stores {@code posts} posts one by one (skipping those
 * already stored, as the real upsert does), pausing {@code pause} between them. It ends with the scripted
 * outcome, and records the overlap of runs of one channel (which must never happen).
 */
public final class ScriptedHarvester implements ChannelHarvester {
  /** The scripted end of a run. */
  public record Outcome(HarvestRun.Status status, Optional<ConnectorException.Kind> kind, String error,
      Optional<Instant> retryAfter) {
    public static Outcome success() {
      return new Outcome(HarvestRun.Status.SUCCESS, Optional.empty(), null, Optional.empty());
    }

    public static Outcome failure(ConnectorException.Kind kind, String error) {
      return new Outcome(HarvestRun.Status.FAILED, Optional.of(kind), error, Optional.empty());
    }
  }

  private final Database db;
  private final Clock clock;
  private final int posts;
  private final Duration pause;
  private volatile Outcome outcome = Outcome.success();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();
  private final List<String> triggers = new CopyOnWriteArrayList<>();

  public ScriptedHarvester(Database db, Clock clock, int posts, Duration pause) {
    this.db = db;
    this.clock = clock;
    this.posts = posts;
    this.pause = pause;
  }

  public void setOutcome(Outcome outcome) {
    this.outcome = outcome;
  }

  /** Trigger kinds of the runs started, in order. */
  public List<String> triggers() {
    return triggers;
  }

  /** The most runs that were in progress at once in this process. */
  public int maxConcurrent() {
    return maxActive.get();
  }

  @Override
  public RunSummary harvest(String channelCode, RunOptions options) {
    triggers.add(options.trigger());
    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
    Instant started = clock.instant();
    long runId = db.inTransaction(s -> {
      Channel ch = s.createSelectionQuery("from Channel c where c.code = :c", Channel.class)
          .setParameter("c", channelCode).getSingleResult();
      HarvestRun run = new HarvestRun(ch, started, options.trigger(), "test");
      s.persist(run);
      return run.getId();
    });
    int added = 0;
    try {
      for (int n = 1; n <= posts; n++) {
        int i = n;
        String platformId = channelCode + "-" + i;
        boolean isNew = db.inTransaction(s -> {
          Channel ch = s.createSelectionQuery("from Channel c where c.code = :c", Channel.class)
              .setParameter("c", channelCode).getSingleResult();
          long found = s.createSelectionQuery("select count(p) from Post p where p.channel = :ch and p.platformId = :id",
              Long.class).setParameter("ch", ch).setParameter("id", platformId).getSingleResult();
          if (found > 0) {
            return false;
          }
          String url = "https://baobacninhtv.vn/bai-viet-" + platformId;
          Post p = new Post(ch, platformId, "article", url, url, clock.instant());
          p.setTitle("Chuyển đổi số: bài " + i);
          s.persist(p);
          return true;
        });
        added += isNew ? 1 : 0;
        if (!pause.isZero()) {
          Thread.sleep(pause.toMillis());
        }
      }
    } catch (InterruptedException e) {
      // Like a harvester cut mid-run: the row stays "running" for the scheduler to record as interrupted.
      active.decrementAndGet();
      return new RunSummary(runId, channelCode, HarvestRun.Status.INTERRUPTED, started, null, added, 0, 0, 0, 0,
          "interrupted", Optional.empty(), Optional.empty());
    }
    Outcome o = outcome;
    Instant ended = clock.instant();
    int newPosts = added;
    db.runInTransaction(s -> s.find(HarvestRun.class, runId).finish(o.status(), ended, newPosts, 0, 0, 0, 0, o.error()));
    active.decrementAndGet();
    return new RunSummary(runId, channelCode, o.status(), started, ended, added, 0, 0, 0, 0, o.error(), o.kind(),
        o.retryAfter());
  }
}
