package vn.minhchung.storage.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

@Timeout(60)
class StaleRunsTest {
  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void interruptsOnlyTheRunsOfThisHostWhoseProcessIsGone(DatabaseTarget target) throws Exception {
    long dead = deadPid();
    try (Database db = TestDatabases.open(target)) {
      String host = RunOwner.host();
      long killed = run(db, host);
      long ownedByThisProcess = run(db, host);
      long otherHost = run(db, "may-chu-khac");
      long beforeOwners = run(db, host);
      db.runInTransaction(s -> {
        s.createNativeMutationQuery("update harvest_run set owner_pid = :pid where id in (:ids)")
            .setParameter("pid", dead).setParameterList("ids", List.of(killed, otherHost)).executeUpdate();
        s.createNativeMutationQuery("update harvest_run set owner_pid = null where id = :id")
            .setParameter("id", beforeOwners).executeUpdate();
      });

      List<Long> interrupted = db.inTransaction(s -> StaleRuns.interrupt(s, host, NOW));

      assertThat(interrupted).containsExactly(killed);
      db.runInTransaction(s -> {
        HarvestRun r = s.find(HarvestRun.class, killed);
        assertThat(r.getStatus()).isEqualTo(HarvestRun.Status.INTERRUPTED);
        assertThat(r.getEndedAt()).isEqualTo(NOW);
        assertThat(r.getError()).isEqualTo(StaleRuns.MESSAGE);
        for (long id : List.of(ownedByThisProcess, otherHost, beforeOwners)) {
          assertThat(s.find(HarvestRun.class, id).getStatus()).isEqualTo(HarvestRun.Status.RUNNING);
        }
      });
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static long run(Database db, String host) {
    return db.inTransaction(s -> {
      Channel ch = s.createSelectionQuery("from Channel", Channel.class).setMaxResults(1).uniqueResultOptional()
          .orElseGet(() -> {
            Unit u = new Unit("SKHCN", "Sở Khoa học và Công nghệ", NOW);
            s.persist(u);
            Channel c = new Channel("WEB-SKHCN", u, ChannelKind.WEB_PAGE, "Cổng thông tin", "https://skhcn.bacninh.gov.vn/", NOW);
            s.persist(c);
            return c;
          });
      HarvestRun r = new HarvestRun(ch, NOW.minusSeconds(600), "manual", host);
      s.persist(r);
      s.flush();
      return r.getId();
    });
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.pid();
  }
}
