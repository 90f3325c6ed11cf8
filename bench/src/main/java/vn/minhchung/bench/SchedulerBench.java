package vn.minhchung.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.harvest.ChannelHarvester;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.harvester.schedule.HarvestScheduler;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.post.HarvestRun;

/**
 * Scheduler cost on PostgreSQL: N channels (default 10,000) all due at the same second with no-op work. Prints
 * the time to schedule them (registry sync from empty), a sync with nothing to change, the scheduler overhead
 * per executed job (wall time from the due second to the last run, divided by runs; and per thread) and the
 * database rows written per job. Uses its own schema, dropped at the end.
 * Arguments: [CHANNELS] [THREADS]. Database: HARVESTER_BENCH_DB_URL (default jdbc:postgresql://127.0.0.1:5432/test),
 * HARVESTER_BENCH_DB_USER (default postgres), HARVESTER_BENCH_DB_PASSWORD.
 */
public final class SchedulerBench {
  private SchedulerBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String url = env("HARVESTER_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("HARVESTER_BENCH_DB_USER", "postgres");
    Optional<String> password = Optional.ofNullable(System.getenv("HARVESTER_BENCH_DB_PASSWORD"));
    String schema = "bench_sched_" + System.currentTimeMillis();
    DatabaseTarget target = new DatabaseTarget(url, Optional.of(user), password, Optional.of(schema), threads + 6);
    try (Database db = Database.open(target)) {
      insertChannels(db, n);
      // Every channel due at the same second, far enough ahead for the schedule phase to finish first.
      ZonedDateTime due = ZonedDateTime.now(Settings.ZONE).plusSeconds(Math.max(120, n / 60)).truncatedTo(ChronoUnit.SECONDS);
      String cron = String.format(Locale.ROOT, "%d %d %d * * ?", due.getSecond(), due.getMinute(), due.getHour());
      Settings settings = Settings.of(Files.createTempDirectory("bench"), Map.of(
          "schedule.defaultCron", cron, "schedule.spreadMinutes", "0", "schedule.threads", Integer.toString(threads),
          "schedule.maxConcurrent.news_site", Integer.toString(threads), "schedule.syncSeconds", "3600",
          // All jobs are due at once; a large threshold keeps the queue on the normal firing path instead of
          // the misfire handler, which is what is measured here.
          "schedule.misfireThresholdMs", "3600000"));
      NoOpHarvester harvester = new NoOpHarvester(n);
      HarvestScheduler scheduler = new HarvestScheduler(db, settings, harvester, Optional.empty(), Clock.systemUTC());

      long t0 = System.nanoTime();
      try {
        run(db, schema, target, n, threads, due, harvester, scheduler, t0);
      } finally {
        scheduler.stop(false);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(url, user, password.orElse(null)); Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static void run(Database db, String schema, DatabaseTarget target, int n, int threads, ZonedDateTime due,
      NoOpHarvester harvester, HarvestScheduler scheduler, long t0) throws Exception {
    scheduler.start();
    long scheduleNanos = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    scheduler.sync();
    long resyncNanos = System.nanoTime() - t1;
    if (Instant.now().isAfter(due.toInstant())) {
      throw new IllegalStateException("scheduling took longer than the lead time; rerun with fewer channels");
    }
    long[] rowsScheduled = rowCounts(db);
    long[] before = tupleStats(db, schema);
    long dueNanos = System.nanoTime() + java.time.Duration.between(Instant.now(), due.toInstant()).toNanos();
    if (!harvester.done.await(30, TimeUnit.MINUTES)) {
      throw new IllegalStateException("only " + (n - harvester.done.getCount()) + " of " + n + " jobs ran in 30 minutes");
    }
    long execNanos = harvester.lastEnd.get() - dueNanos;
    Thread.sleep(1500);
    long[] after = tupleStats(db, schema);

    double perJobMs = execNanos / 1e6 / n;
    System.out.printf(Locale.ROOT, "channels                         %d (threads %d, PostgreSQL %s)%n", n, threads,
        target.describe());
    System.out.printf(Locale.ROOT, "time to schedule (sync from 0)   %.1f s (%.2f ms per channel)%n",
        scheduleNanos / 1e9, scheduleNanos / 1e6 / n);
    System.out.printf(Locale.ROOT, "sync with nothing to change      %.0f ms%n", resyncNanos / 1e6);
    System.out.printf(Locale.ROOT, "quartz rows per channel          %.2f (job %d, triggers %d, cron %d)%n",
        (rowsScheduled[0] + rowsScheduled[1] + rowsScheduled[2]) / (double) n, rowsScheduled[0], rowsScheduled[1],
        rowsScheduled[2]);
    System.out.printf(Locale.ROOT, "first job started after due      %.0f ms%n", (harvester.firstStart.get() - dueNanos) / 1e6);
    System.out.printf(Locale.ROOT, "all %d no-op jobs ran in         %.1f s%n", n, execNanos / 1e9);
    System.out.printf(Locale.ROOT, "overhead per executed job        %.2f ms wall (%.2f ms per thread)%n", perJobMs,
        perJobMs * threads);
    System.out.printf(Locale.ROOT, "db rows written per job          %.2f inserted, %.2f updated, %.2f deleted%n",
        (after[0] - before[0]) / (double) n, (after[1] - before[1]) / (double) n, (after[2] - before[2]) / (double) n);
    System.out.printf(Locale.ROOT, "goal <= 5 ms per job             %s%n", perJobMs <= 5 ? "met" : "NOT met");
  }

  private static String env(String name, String def) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? def : v;
  }

  private static void insertChannels(Database db, int n) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      long unitId;
      try (PreparedStatement ps = c.prepareStatement(
          "insert into unit (code, name, created_at, updated_at) values ('BENCH', 'Đơn vị thử tải', ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        ps.setTimestamp(1, now);
        ps.setTimestamp(2, now);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          unitId = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("insert into channel (code, unit_id, kind, name, url, created_at,"
          + " updated_at) values (?, ?, 'news_site', ?, ?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          String code = String.format(Locale.ROOT, "XA-%05d", i);
          ps.setString(1, code);
          ps.setLong(2, unitId);
          ps.setString(3, "Cổng thông tin xã " + i);
          ps.setString(4, "https://xa" + i + ".bacninh.gov.vn/");
          ps.setTimestamp(5, now);
          ps.setTimestamp(6, now);
          ps.addBatch();
          if (i % 1000 == 999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  private static long[] rowCounts(Database db) throws SQLException {
    try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "select (select count(*) from qrtz_job_details), (select count(*) from qrtz_triggers),"
            + " (select count(*) from qrtz_cron_triggers)")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  private static long[] tupleStats(Database db, String schema) throws SQLException {
    try (Connection c = db.connection()) {
      try (Statement st = c.createStatement()) {
        st.execute("select pg_stat_clear_snapshot()");
      }
      try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0),"
          + " coalesce(sum(n_tup_del), 0) from pg_stat_user_tables where schemaname = ?")) {
        ps.setString(1, schema);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
      }
    }
  }

  /** Does nothing but count, so what is measured is the scheduler. */
  private static final class NoOpHarvester implements ChannelHarvester {
    final CountDownLatch done;
    final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastEnd = new AtomicLong();

    NoOpHarvester(int n) {
      this.done = new CountDownLatch(n);
    }

    @Override
    public RunSummary harvest(String channelCode, RunOptions options) {
      long start = System.nanoTime();
      firstStart.accumulateAndGet(start, Math::min);
      Instant now = Instant.now();
      RunSummary s = new RunSummary(0, channelCode, HarvestRun.Status.SUCCESS, now, now, 0, 0, 0, 0, 0, null,
          Optional.empty(), Optional.empty());
      lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
      done.countDown();
      return s;
    }
  }
}
