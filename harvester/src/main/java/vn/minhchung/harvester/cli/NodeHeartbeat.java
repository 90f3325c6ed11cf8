package vn.minhchung.harvester.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.node.ClusterNodes;
import vn.minhchung.storage.node.NodeRole;
import vn.minhchung.storage.post.RunOwner;

/**
 * This {@code serve} process in {@code cluster_node}: reported at start, a beat every {@code nodes.heartbeatSeconds}
 * on a daemon thread, marked stopped on a clean stop. A node killed or cut off stops beating, which the alert check
 * of any scheduler node turns into a {@code node_silent} alert.
 */
final class NodeHeartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
  private final Database db;
  private final Clock clock;
  private final String name;
  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "node-heartbeat");
    t.setDaemon(true);
    return t;
  });

  private NodeHeartbeat(Database db, Clock clock, String name) {
    this.db = db;
    this.clock = clock;
    this.name = name;
  }

  /** The node's name: {@code nodes.name}, else the host and port of its UI, else the host and {@code worker}. */
  static String name(Settings settings, NodeRole role, int port) {
    return settings.get("nodes.name").map(String::trim)
        .orElse(RunOwner.host() + ":" + (role == NodeRole.WORKER ? "worker" : Integer.toString(port)));
  }

  static NodeHeartbeat start(Database db, Settings settings, Clock clock, String name, NodeRole role,
      Optional<String> webAddress) {
    ClusterNodes.report(db, name, role, Main.VERSION, RunOwner.host(), webAddress, clock.instant());
    NodeHeartbeat h = new NodeHeartbeat(db, clock, name);
    long every = Math.max(1, settings.integer("nodes.heartbeatSeconds"));
    h.beats.scheduleWithFixedDelay(h::beat, every, every, TimeUnit.SECONDS);
    LOG.info("node {} ({}) reports to cluster_node every {} s", name, role.code(), every);
    return h;
  }

  private void beat() {
    try {
      ClusterNodes.beat(db, name, clock.instant());
    } catch (RuntimeException e) {
      // The database may be away for a moment; the next beat tries again, and a long gap raises the alert.
      LOG.warn("node {}: heartbeat not recorded: {}", name, e.getMessage());
    }
  }

  /** Stops beating and records the clean stop. */
  @Override
  public void close() {
    beats.shutdownNow();
    try {
      ClusterNodes.stopped(db, name, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("node {}: clean stop not recorded: {}", name, e.getMessage());
    }
  }
}
