package vn.minhchung.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.schedule.SchedulerFixtures.await;
import static vn.minhchung.harvester.schedule.SchedulerFixtures.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.post.HarvestRun;

/** Real Quartz (JDBC job store, clustered) on H2, and on PostgreSQL when HARVESTER_TEST_DB_URL is set. */
class HarvestSchedulerTest {
  /** 10:00 in Hà Nội, so "later the same day" is well inside the day. */
  private static final Instant NOW = Instant.parse("2026-04-14T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void syncSchedulesActiveChannelsAndFollowsRegistryChanges(DatabaseTarget target) throws Exception {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.of(new String[] {"FB-TTBN", "facebook_page"},
          new String[] {"BAO-BN", "news_site", "0 30 7 * * ?"}, new String[] {"YT-BNTV", "youtube_channel"}));
      db.runInTransaction(s -> s.createMutationQuery("update Channel c set c.active = false where c.code = 'YT-BNTV'")
          .executeUpdate());
      HarvestScheduler scheduler = scheduler(db, new ScriptedHarvester(db, CLOCK, 0, Duration.ZERO), Map.of());
      try {
        scheduler.start();
        var q = scheduler.quartz();
        CronTrigger fb = (CronTrigger) q.getTrigger(TriggerKey.triggerKey("FB-TTBN", RegistrySync.GROUP));
        int offset = ChannelSchedules.offsetSeconds("FB-TTBN", 60);
        assertThat(fb.getCronExpression()).isEqualTo((offset % 60) + " " + (offset / 60) + " 6 * * ?");
        assertThat(fb.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(fb.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(((CronTrigger) q.getTrigger(TriggerKey.triggerKey("BAO-BN", RegistrySync.GROUP)))
            .getCronExpression()).isEqualTo("0 30 7 * * ?");
        assertThat(q.checkExists(JobKey.jobKey("YT-BNTV", RegistrySync.GROUP))).isFalse();
        assertThat(q.getJobDetail(JobKey.jobKey("FB-TTBN", RegistrySync.GROUP)).requestsRecovery()).isTrue();

        var unchanged = scheduler.sync();
        assertThat(unchanged.added() + unchanged.rescheduled() + unchanged.removed()).isZero();

        db.runInTransaction(s -> {
          s.createMutationQuery("update Channel c set c.schedule = '0 0 8 * * ?' where c.code = 'FB-TTBN'").executeUpdate();
          s.createMutationQuery("update Channel c set c.active = false where c.code = 'BAO-BN'").executeUpdate();
          s.createMutationQuery("update Channel c set c.active = true where c.code = 'YT-BNTV'").executeUpdate();
        });
        SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"ZALO-BN", "zalo_oa", "0 0 9 ? * MON-FRI"}));
        var changed = scheduler.sync();
        assertThat(changed).isEqualTo(new SyncResult(3, 2, 1, 1, List.of()));
        assertThat(((CronTrigger) q.getTrigger(TriggerKey.triggerKey("FB-TTBN", RegistrySync.GROUP)))
            .getCronExpression()).isEqualTo("0 0 8 * * ?");
        assertThat(q.checkExists(JobKey.jobKey("BAO-BN", RegistrySync.GROUP))).isFalse();
        assertThat(scheduler.nextRun("ZALO-BN")).isPresent();
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void invalidRegistryCronIsReportedAndSkipped(DatabaseTarget target) {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"BAO-BN", "news_site", "mỗi sáng 6 giờ"}));
      HarvestScheduler scheduler = scheduler(db, new ScriptedHarvester(db, CLOCK, 0, Duration.ZERO), Map.of());
      try {
        scheduler.start();
        assertThat(scheduler.sync().invalid()).containsExactly("BAO-BN");
        assertThatThrownBy(() -> scheduler.triggerNow("BAO-BN", "ui")).isInstanceOf(ScheduleException.class)
            .hasMessageContaining("channel BAO-BN is not scheduled");
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void missedDailyRunsDuringDowntimeFireOnceOnStart(DatabaseTarget target) throws Exception {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"BAO-BN", "news_site", "0 0 6 * * ?"}));
      ScriptedHarvester harvester = new ScriptedHarvester(db, CLOCK, 1, Duration.ZERO);
      HarvestScheduler first = scheduler(db, harvester, Map.of());
      first.start();
      // The node went down three days ago: its stored trigger still points at a 06:00 three days back.
      first.quartz().standby();
      Date threeDaysAgo = Date.from(Instant.now().minus(3, ChronoUnit.DAYS));
      first.quartz().rescheduleJob(TriggerKey.triggerKey("BAO-BN", RegistrySync.GROUP),
          RegistrySync.trigger("BAO-BN", "0 0 6 * * ?", threeDaysAgo));
      first.stop(false);

      HarvestScheduler second = scheduler(db, harvester, Map.of());
      try {
        second.start();
        await(Duration.ofSeconds(20), "the missed run", () -> runs(db, "BAO-BN").size() >= 1);
        Thread.sleep(2_000);
        assertThat(runs(db, "BAO-BN")).hasSize(1);
        assertThat(harvester.triggers()).containsExactly("schedule");
        assertThat(second.nextRun("BAO-BN").orElseThrow()).isAfter(Instant.now());
      } finally {
        second.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void transientFailureIsRetriedUpToTheDailyLimitThenLeft(DatabaseTarget target) throws Exception {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"BAO-BN", "news_site"}));
      ScriptedHarvester harvester = new ScriptedHarvester(db, CLOCK, 0, Duration.ZERO);
      harvester.setOutcome(ScriptedHarvester.Outcome.failure(ConnectorException.Kind.TRANSIENT,
          "baobacninhtv.vn: HTTP 503 Service Unavailable"));
      HarvestScheduler scheduler = scheduler(db, harvester,
          Map.of("schedule.retryDelayMinutes", "0", "schedule.retriesPerDay", "2"));
      try {
        scheduler.start();
        scheduler.triggerNow("BAO-BN", "ui");
        await(Duration.ofSeconds(20), "three runs", () -> runs(db, "BAO-BN").size() >= 3);
        Thread.sleep(1_500);
        assertThat(runs(db, "BAO-BN")).extracting(HarvestRun::getTriggerKind).containsExactly("ui", "retry", "retry");
        assertThat(runs(db, "BAO-BN")).extracting(HarvestRun::getStatus).containsOnly(HarvestRun.Status.FAILED);
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void afterABlockedRunAutomaticRunsWaitButARunStartedFromTheUiGoes(DatabaseTarget target) throws Exception {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"FB-XTH", "facebook_page"}));
      ScriptedHarvester harvester = new ScriptedHarvester(db, CLOCK, 0, Duration.ZERO);
      harvester.setOutcome(new ScriptedHarvester.Outcome(HarvestRun.Status.BLOCKED,
          Optional.of(ConnectorException.Kind.BLOCKED), "blocked: FB-XTH: trang yêu cầu đăng nhập", Optional.empty()));
      HarvestScheduler scheduler = scheduler(db, harvester, Map.of("schedule.retryDelayMinutes", "0"));
      try {
        scheduler.start();
        scheduler.triggerNow("FB-XTH", "ui");
        await(Duration.ofSeconds(20), "the blocked run", () -> runs(db, "FB-XTH").size() == 1
            && runs(db, "FB-XTH").get(0).getStatus() == HarvestRun.Status.BLOCKED);
        scheduler.triggerNow("FB-XTH", "schedule");
        scheduler.triggerNow("FB-XTH", "retry");
        Thread.sleep(2_000);
        assertThat(runs(db, "FB-XTH")).as("held back for 3 hours, not retried").hasSize(1);
        assertThat(harvester.triggers()).containsExactly("ui");

        scheduler.triggerNow("FB-XTH", "ui");
        await(Duration.ofSeconds(20), "the run started by a person", () -> runs(db, "FB-XTH").size() == 2);
        assertThat(harvester.triggers()).containsExactly("ui", "ui");
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void rejectedKeyIsNotRetried(DatabaseTarget target) throws Exception {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"YT-BNTV", "youtube_channel"}));
      ScriptedHarvester harvester = new ScriptedHarvester(db, CLOCK, 0, Duration.ZERO);
      harvester.setOutcome(ScriptedHarvester.Outcome.failure(ConnectorException.Kind.AUTH, "API key not valid"));
      HarvestScheduler scheduler = scheduler(db, harvester, Map.of("schedule.retryDelayMinutes", "0"));
      try {
        scheduler.start();
        scheduler.triggerNow("YT-BNTV", "ui");
        await(Duration.ofSeconds(20), "the run", () -> runs(db, "YT-BNTV").size() >= 1
            && runs(db, "YT-BNTV").get(0).getStatus() == HarvestRun.Status.FAILED);
        Thread.sleep(1_500);
        assertThat(runs(db, "YT-BNTV")).hasSize(1);
        assertThat(scheduler.quartz().getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals(
            HarvestScheduler.RETRY_GROUP))).isEmpty();
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void stopInterruptsALongRunRecordsItAndTheNextStartResumesIt(DatabaseTarget target) {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.<String[]>of(new String[] {"BAO-BN", "news_site"}));
      ScriptedHarvester slow = new ScriptedHarvester(db, CLOCK, 50, Duration.ofMillis(200));
      HarvestScheduler first = scheduler(db, slow, Map.of("schedule.shutdownWaitSeconds", "1"));
      first.start();
      first.triggerNow("BAO-BN", "ui");
      await(Duration.ofSeconds(20), "the run to start", () -> runs(db, "BAO-BN").size() == 1);
      first.stop(true);
      List<HarvestRun> afterStop = runs(db, "BAO-BN");
      assertThat(afterStop).extracting(HarvestRun::getStatus).containsExactly(HarvestRun.Status.INTERRUPTED);
      assertThat(afterStop.get(0).getError()).startsWith("Dừng do máy chủ tắt");

      ScriptedHarvester fast = new ScriptedHarvester(db, CLOCK, 50, Duration.ZERO);
      HarvestScheduler second = scheduler(db, fast, Map.of());
      try {
        second.start();
        await(Duration.ofSeconds(20), "the resumed run", () -> runs(db, "BAO-BN").size() == 2
            && runs(db, "BAO-BN").get(1).getStatus() == HarvestRun.Status.SUCCESS);
        assertThat(runs(db, "BAO-BN")).extracting(HarvestRun::getTriggerKind).containsExactly("ui", "retry");
        long posts = db.inTransaction(s -> s.createSelectionQuery("select count(p) from Post p", Long.class)
            .getSingleResult());
        assertThat(posts).isEqualTo(50);
      } finally {
        second.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void runsOfOneKindAreCappedPerNodeAndAChannelNeverOverlapsItself(DatabaseTarget target) {
    DatabaseTarget t = SchedulerFixtures.withPool(target);
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, NOW, List.of(new String[] {"FB-1", "facebook_page"},
          new String[] {"FB-2", "facebook_page"}, new String[] {"FB-3", "facebook_page"}));
      ScriptedHarvester harvester = new ScriptedHarvester(db, CLOCK, 3, Duration.ofMillis(150));
      HarvestScheduler scheduler = scheduler(db, harvester, Map.of("schedule.maxConcurrent.facebook_page", "1"));
      try {
        scheduler.start();
        for (String code : List.of("FB-1", "FB-2", "FB-3", "FB-1")) {
          scheduler.triggerNow(code, "ui");
        }
        await(Duration.ofSeconds(30), "four runs", () -> db.inTransaction(s -> s.createSelectionQuery(
            "select count(r) from HarvestRun r where r.status = 'success'", Long.class).getSingleResult()) == 4);
        assertThat(harvester.maxConcurrent()).isEqualTo(1);
      } finally {
        scheduler.stop(false);
      }
    } finally {
      TestDatabases.drop(t);
    }
  }

  private HarvestScheduler scheduler(Database db, ScriptedHarvester harvester, Map<String, String> extra) {
    Settings settings = SchedulerFixtures.fastSettings(dir, extra);
    return new HarvestScheduler(db, settings, harvester, Optional.empty(), CLOCK);
  }
}
