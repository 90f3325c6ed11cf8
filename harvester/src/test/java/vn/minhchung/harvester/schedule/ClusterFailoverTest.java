package vn.minhchung.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.minhchung.harvester.schedule.SchedulerFixtures.await;
import static vn.minhchung.harvester.schedule.SchedulerFixtures.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.post.HarvestRun;

/**
 * Two nodes on PostgreSQL: node A (a child JVM) is killed with SIGKILL in the middle of a run; node B notices
 * the dead node through Quartz's cluster check-in and runs the channel again. The runs never overlap and no
 * post is stored twice.
 */
class ClusterFailoverTest {
  private static final int POSTS = 20;

  @TempDir Path dir;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void runOfAKilledNodeIsCompletedByAnotherNodeWithoutOverlapOrDuplicates() throws Exception {
    Optional<DatabaseTarget> pg = TestDatabases.postgres();
    Assumptions.assumeTrue(pg.isPresent(), "HARVESTER_TEST_DB_URL is not set: the cluster test needs PostgreSQL");
    DatabaseTarget t = SchedulerFixtures.withPool(pg.get());
    Process nodeA = null;
    try (Database db = TestDatabases.open(t)) {
      SchedulerFixtures.addChannels(db, Instant.now(), List.<String[]>of(new String[] {"BAO-BN", "news_site"}));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
          SchedulerNodeMain.class.getName(), t.jdbcUrl(), t.user().orElseThrow(), t.schema().orElseThrow(), "BAO-BN",
          Integer.toString(POSTS), "400"));
      nodeA = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("node-a.log").toFile()).start();
      Process a = nodeA;
      await(Duration.ofSeconds(90), "node A to be half-way through its run", () -> {
        assertThat(a.isAlive()).as("node A died early; see its log").isTrue();
        return postCount(db) >= 5;
      });

      ScriptedHarvester harvesterB = new ScriptedHarvester(db, Clock.systemUTC(), POSTS, Duration.ofMillis(20));
      HarvestScheduler nodeB = new HarvestScheduler(db, SchedulerFixtures.fastSettings(dir, Map.of()), harvesterB,
          Optional.empty(), Clock.systemUTC());
      try {
        nodeB.start();
        Thread.sleep(1_500);
        assertThat(harvesterB.triggers()).as("node B must not run the channel while node A runs it").isEmpty();

        nodeA.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        await(Duration.ofSeconds(60), "node B to complete the run", () -> runs(db, "BAO-BN").stream()
            .anyMatch(r -> r.getStatus() == HarvestRun.Status.SUCCESS));

        List<HarvestRun> runs = runs(db, "BAO-BN");
        assertThat(runs).extracting(HarvestRun::getStatus)
            .containsExactly(HarvestRun.Status.INTERRUPTED, HarvestRun.Status.SUCCESS);
        assertThat(runs.get(0).getError()).startsWith("Nút chạy bị dừng đột ngột");
        assertThat(runs.get(0).getEndedAt()).isBeforeOrEqualTo(runs.get(1).getStartedAt());
        assertThat(runs.get(1).getTriggerKind()).isEqualTo("retry");
        assertThat(harvesterB.triggers()).containsExactly("retry");
        assertThat(postCount(db)).isEqualTo(POSTS);
        long distinct = db.inTransaction(s -> s.createSelectionQuery(
            "select count(distinct p.platformId) from Post p", Long.class).getSingleResult());
        assertThat(distinct).isEqualTo(POSTS);
      } finally {
        nodeB.stop(false);
      }
    } finally {
      if (nodeA != null && nodeA.isAlive()) {
        nodeA.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      TestDatabases.drop(t);
    }
  }

  private static long postCount(Database db) {
    return db.inTransaction(s -> s.createSelectionQuery("select count(p) from Post p", Long.class).getSingleResult());
  }
}
