package vn.minhchung.harvester.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** Registry rows, fast settings and polling for scheduler tests. */
public final class SchedulerFixtures {
  private SchedulerFixtures() {}

  /** Settings that make Quartz react within a second: short check-in and misfire threshold. */
  public static Settings fastSettings(Path dir, Map<String, String> extra) {
    Map<String, String> m = new HashMap<>(Map.of(
        "schedule.clusterCheckinMs", "1000",
        "schedule.misfireThresholdMs", "500",
        "schedule.threads", "4",
        "schedule.shutdownWaitSeconds", "2"));
    m.putAll(extra);
    return Settings.of(dir, m);
  }

  /** The test database with a pool large enough for the scheduler threads, Quartz and the test itself. */
  public static DatabaseTarget withPool(DatabaseTarget t) {
    return new DatabaseTarget(t.jdbcUrl(), t.user(), t.password(), t.schema(), 12);
  }

  public static void addChannels(Database db, Instant now, List<String[]> codeKindSchedule) {
    db.runInTransaction(s -> {
      Unit unit = s.createSelectionQuery("from Unit u where u.code = 'SKHCN'", Unit.class).uniqueResult();
      if (unit == null) {
        unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", now);
        s.persist(unit);
      }
      for (String[] c : codeKindSchedule) {
        Channel ch = new Channel(c[0], unit, ChannelKind.fromCode(c[1]).orElseThrow(), "Kênh " + c[0],
            "https://baobacninhtv.vn/" + c[0].toLowerCase(java.util.Locale.ROOT), now);
        ch.setSchedule(c.length > 2 ? c[2] : null);
        s.persist(ch);
      }
    });
  }

  public static List<HarvestRun> runs(Database db, String code) {
    return db.inTransaction(s -> s.createSelectionQuery(
            "from HarvestRun r where r.channel.code = :c order by r.id", HarvestRun.class)
        .setParameter("c", code).getResultList());
  }

  public static void await(Duration max, String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + max + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
