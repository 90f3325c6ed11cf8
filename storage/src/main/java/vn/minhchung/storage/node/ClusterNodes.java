package vn.minhchung.storage.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.SqlTimes;

/**
 * Reads and writes {@code cluster_node}. A {@code serve} reports itself at start ({@link #report}), beats every
 * {@code nodes.heartbeatSeconds} ({@link #beat}) and says when it stops cleanly ({@link #stopped}); a node that
 * stops beating without saying so is silent, which raises an alert.
 */
public final class ClusterNodes {
  private ClusterNodes() {}

  /** Records the node as started now (a restart under the same name replaces the row). */
  public static void report(Database db, String name, NodeRole role, String version, String host,
      Optional<String> webAddress, Instant now) {
    db.runInTransaction(s -> {
      int updated = s.createNativeMutationQuery("update cluster_node set role = :role, version = :version,"
              + " host = :host, web_address = :web, started_at = :now, last_heartbeat_at = :now, stopped_at = null"
              + " where name = :name")
          .setParameter("role", role.code()).setParameter("version", version).setParameter("host", host)
          .setParameter("web", webAddress.orElse(null), String.class).setParameter("now", now)
          .setParameter("name", name).executeUpdate();
      if (updated == 0) {
        s.createNativeMutationQuery("insert into cluster_node (name, role, version, host, web_address, started_at,"
                + " last_heartbeat_at) values (:name, :role, :version, :host, :web, :now, :now)")
            .setParameter("name", name).setParameter("role", role.code()).setParameter("version", version)
            .setParameter("host", host).setParameter("web", webAddress.orElse(null), String.class)
            .setParameter("now", now).executeUpdate();
      }
    });
  }

  public static void beat(Database db, String name, Instant now) {
    db.runInTransaction(s -> s.createNativeMutationQuery(
            "update cluster_node set last_heartbeat_at = :now, stopped_at = null where name = :name")
        .setParameter("now", now).setParameter("name", name).executeUpdate());
  }

  public static void stopped(Database db, String name, Instant now) {
    db.runInTransaction(s -> s.createNativeMutationQuery(
            "update cluster_node set stopped_at = :now where name = :name")
        .setParameter("now", now).setParameter("name", name).executeUpdate());
  }

  /** Every node, by name. */
  public static List<ClusterNode> list(Session s) {
    return s.createNativeQuery("select name, role, version, host, web_address, started_at, last_heartbeat_at,"
            + " stopped_at from cluster_node order by name", Object[].class).getResultList().stream()
        .map(r -> new ClusterNode((String) r[0], NodeRole.fromCode((String) r[1]), (String) r[2], (String) r[3],
            Optional.ofNullable((String) r[4]), SqlTimes.instant(r[5]), SqlTimes.instant(r[6]),
            Optional.ofNullable(r[7]).map(SqlTimes::instant)))
        .toList();
  }
}
