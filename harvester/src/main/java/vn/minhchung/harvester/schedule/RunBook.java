package vn.minhchung.harvester.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.post.HarvestRun;

/** The scheduler's reads and writes of the registry and the run history. */
final class RunBook {
  /** What the scheduler needs of a channel. */
  record ChannelRow(String code, String kind, String schedule, boolean active) {}

  private final Database db;

  RunBook(Database db) {
    this.db = db;
  }

  List<ChannelRow> channels() {
    return db.inTransaction(s -> s.createSelectionQuery(
        "select c.code, c.kind, c.schedule, c.active from Channel c order by c.code", Object[].class)
        .getResultList().stream()
        .map(r -> new ChannelRow((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3]))
        .toList());
  }

  Optional<ChannelKind> kindOf(String channelCode) {
    return db.inTransaction(s -> s.createSelectionQuery("select c.kind from Channel c where c.code = :code", String.class)
        .setParameter("code", channelCode).uniqueResultOptional().flatMap(ChannelKind::fromCode));
  }

  int retriesSince(String channelCode, Instant since) {
    return db.inTransaction(s -> s.createSelectionQuery("select count(r) from HarvestRun r where r.channel.code = :code"
            + " and r.triggerKind = 'retry' and r.startedAt >= :since", Long.class)
        .setParameter("code", channelCode).setParameter("since", since).getSingleResult().intValue());
  }

  /** Blocked runs in a row at the top of the channel's history, and when the latest of them ended. */
  record BlockStreak(int runs, Instant lastEndedAt) {}

  /** The channel's latest runs that ended blocked in a row (running and skipped runs are passed over). */
  BlockStreak blockStreak(String channelCode) {
    return db.inTransaction(s -> {
      List<HarvestRun> recent = s.createSelectionQuery("from HarvestRun r where r.channel.code = :code"
              + " and r.status not in ('running', 'skipped') order by r.startedAt desc, r.id desc", HarvestRun.class)
          .setParameter("code", channelCode).setMaxResults(10).getResultList();
      int n = 0;
      Instant last = null;
      for (HarvestRun r : recent) {
        if (r.getStatus() != HarvestRun.Status.BLOCKED) {
          break;
        }
        if (n == 0) {
          last = r.getEndedAt() != null ? r.getEndedAt() : r.getStartedAt();
        }
        n++;
      }
      return new BlockStreak(n, last);
    });
  }

  /**
   * Ends the channel's runs still marked {@code running} as {@code interrupted}. Only called where no run of the
   * channel can be alive: the job that owned it was interrupted or its node died (Quartz allows one execution
   * of a channel's job in the whole cluster).
   */
  int markInterrupted(String channelCode, Instant now, String error) {
    return db.inTransaction(s -> {
      List<HarvestRun> running = s.createSelectionQuery(
              "from HarvestRun r where r.channel.code = :code and r.status = 'running'", HarvestRun.class)
          .setParameter("code", channelCode).getResultList();
      for (HarvestRun r : running) {
        r.finish(HarvestRun.Status.INTERRUPTED, now, r.getNewPosts(), r.getUpdatedPosts(), r.getFailedItems(),
            r.getSnapshots(), r.getCaptures(), error);
      }
      return running.size();
    });
  }
}
