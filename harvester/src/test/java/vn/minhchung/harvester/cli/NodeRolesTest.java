package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.harvester.schedule.alert.AlertView;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.node.ClusterNode;
import vn.minhchung.storage.node.ClusterNodes;
import vn.minhchung.storage.node.NodeRole;

/** Node roles of {@code serve}, the {@code cluster_node} reports and the alert for a node that stops beating. */
@Timeout(180)
class NodeRolesTest {
  private static final Instant T0 = Instant.parse("2026-11-03T01:00:00Z");
  @TempDir Path data;

  @Test
  void aWorkerNodeRunsWithoutUiReportsItselfAndRecordsItsCleanStop() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    WebServing.stopSignal = stop;
    StringWriter out = new StringWriter();
    try {
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(
          new String[] {"--data", data.toString(), "serve", "--no-ui"}, new PrintWriter(out, true),
          new PrintWriter(new StringWriter()), Map.of("HARVESTER_NODES_NAME", "may-thu-thap-1"), Clock.systemUTC()));
      for (int i = 0; i < 600 && !out.toString().contains("worker node"); i++) {
        Thread.sleep(100);
      }
      assertThat(out.toString()).contains("Máy thu thập (worker node, --no-ui)").doesNotContain("http://");
      stop.countDown();
      assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
    } finally {
      WebServing.stopSignal = null;
    }
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      List<ClusterNode> nodes = db.inTransaction(ClusterNodes::list);
      assertThat(nodes).singleElement().satisfies(n -> {
        assertThat(n.name()).isEqualTo("may-thu-thap-1");
        assertThat(n.role()).isEqualTo(NodeRole.WORKER);
        assertThat(n.version()).isEqualTo(Main.VERSION);
        assertThat(n.webAddress()).isEmpty();
        assertThat(n.stoppedAt()).isPresent();
      });
    }
  }

  @Test
  void noUiAndNoSchedulerTogetherAreRefused() {
    CliRun r = CliRun.run(data, "serve", "--no-ui", "--no-scheduler");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--no-ui and --no-scheduler together");
  }

  @Test
  void aNodeThatStopsBeatingRaisesAnAlertThatClearsWhenItBeatsAgain() {
    Settings settings = Settings.of(data, Map.of());
    try (Database db = Database.open(settings)) {
      ClusterNodes.report(db, "bn-1:8080", NodeRole.ALL, "0.1.0", "bn-1", Optional.of("http://bn-1:8080/"), T0);
      ClusterNodes.report(db, "bn-2:8080", NodeRole.UI, "0.1.0", "bn-2", Optional.of("http://bn-2:8080/"), T0);
      ClusterNodes.stopped(db, "bn-2:8080", T0.plusSeconds(60));
      ClusterNodes.beat(db, "bn-1:8080", T0.plusSeconds(30));

      Instant later = T0.plus(Duration.ofMinutes(6));
      AlertService alerts = new AlertService(db, settings, Clock.fixed(later, ZoneOffset.UTC), Optional.empty());
      alerts.check();
      List<AlertView> open = alerts.list(false);
      assertThat(open).filteredOn(a -> a.kind().equals("node_silent")).singleElement().satisfies(a -> {
        assertThat(a.key()).isEqualTo("node_silent:bn-1:8080");
        assertThat(a.title()).isEqualTo("Máy chủ bn-1:8080 mất liên lạc");
        assertThat(a.message()).contains("không báo hoạt động từ 03/11/2026 08:00");
      });

      ClusterNodes.beat(db, "bn-1:8080", later);
      alerts.check();
      assertThat(alerts.list(false)).noneMatch(a -> a.kind().equals("node_silent"));
    }
  }
}
