package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import vn.minhchung.storage.node.ClusterNodes;

/** The admin page of the deployment's processes: each node's role, version, host and last heartbeat. */
final class NodeRoutes {
  private final Ui ui;

  NodeRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/nodes", this::nodes);
  }

  private void nodes(Context ctx) {
    Ui.admin(ctx);
    Page page = ui.page(ctx, "Máy chủ", "nodes");
    ui.db.runInTransaction(s -> ui.render(ctx, "nodes.jte", page, Map.of("nodes", ClusterNodes.list(s),
        "now", ui.now(), "silentAfter", Duration.ofMinutes(ui.config.nodeSilentMinutes()))));
  }
}
