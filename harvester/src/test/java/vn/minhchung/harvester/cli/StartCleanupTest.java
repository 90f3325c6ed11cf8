package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.RunOwner;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** After kill -9, the next command that opens the database ends the dead process's run and removes its temp files. */
@Timeout(120)
class StartCleanupTest {
  @TempDir Path data;

  @Test
  void aCommandAfterAKilledHarvestMarksItsRunInterruptedAndRemovesItsLeftovers() throws Exception {
    Process killed = new ProcessBuilder("true").start();
    assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
    long runId;
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      runId = db.inTransaction(s -> {
        Instant t = Instant.parse("2026-11-03T03:00:00Z");
        Unit u = new Unit("SKHCN", "Sở Khoa học và Công nghệ", t);
        s.persist(u);
        Channel c = new Channel("WEB-SKHCN", u, ChannelKind.WEB_PAGE, "Cổng thông tin", "https://skhcn.bacninh.gov.vn/", t);
        s.persist(c);
        HarvestRun r = new HarvestRun(c, t, "manual", RunOwner.host());
        s.persist(r);
        s.flush();
        s.createNativeMutationQuery("update harvest_run set owner_pid = :pid where id = :id")
            .setParameter("pid", killed.pid()).setParameter("id", r.getId()).executeUpdate();
        return r.getId();
      });
    }
    Path part = Files.writeString(Files.createDirectories(data.resolve("tmp/dossier"))
        .resolve("ho-so-pid" + killed.pid() + "-1.zip.part"), "PK");
    Path capture = Files.createDirectories(data.resolve("tmp/capture/c-pid" + killed.pid() + "-2"));

    CliRun r = CliRun.run(data, "channels", "list");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(part).doesNotExist();
    assertThat(capture).doesNotExist();
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      HarvestRun run = db.inTransaction(s -> s.find(HarvestRun.class, runId));
      assertThat(run.getStatus()).isEqualTo(HarvestRun.Status.INTERRUPTED);
      assertThat(run.getEndedAt()).isNotNull();
    }
  }
}
