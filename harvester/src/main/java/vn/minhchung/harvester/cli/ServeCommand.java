package vn.minhchung.harvester.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.harvester.schedule.HarvestScheduler;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.harvester.account.PlatformConnect;
import vn.minhchung.review.web.Connecting;
import vn.minhchung.review.web.HarvestActions;
import vn.minhchung.review.web.WebConfig;
import vn.minhchung.review.web.WebServer;
import vn.minhchung.storage.node.NodeRole;

/**
 * {@code serve [--port N] [--no-scheduler | --no-ui]}: the review web UI plus this node's scheduled harvests
 * (Quartz, clustered through the database) and alert checks, until the process is stopped (Ctrl-C stops it
 * cleanly: running harvests get {@code schedule.shutdownWaitSeconds} to finish). The node reports itself in
 * {@code cluster_node} and beats while it runs.
 */
@Command(name = "serve", description = "Chạy giao diện duyệt minh chứng và lịch thu thập (review web UI and scheduled "
    + "harvests; default port: web.port, 8080) until stopped.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: setting web.port).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR",
      description = "Address to bind (default: setting web.host, 127.0.0.1: this machine only; 0.0.0.0 for every "
          + "interface, behind a reverse proxy).")
  String host;

  @Option(names = "--no-scheduler", description = "Serve the UI only; scheduled harvests run on other nodes.")
  boolean noScheduler;

  @Option(names = "--no-ui", description = "Run scheduled harvests and alert checks only (a worker node), no web UI.")
  boolean noUi;

  @Override
  public Integer call() throws InterruptedException {
    if (noUi && noScheduler) {
      throw CliException.badInput("--no-ui and --no-scheduler together leave this node nothing to do; drop one");
    }
    AppContext ctx = Main.of(spec).context();
    int p = port != null ? port : ctx.settings().integer("web.port");
    if (p < 0 || p > 65535) {
      throw new CliException(ExitCodes.BAD_INPUT, "--port " + p + " is not a TCP port (0-65535)");
    }
    NodeRole role = noUi ? NodeRole.WORKER : noScheduler ? NodeRole.UI : NodeRole.ALL;
    serve(ctx, Harvesting.wire(ctx), host != null ? host : ctx.settings().string("web.host"), p, role, spec);
    return ExitCodes.OK;
  }

  /**
   * Starts scheduler, actions and UI on {@code ctx} as {@code role} says, then waits until stopped; shared with
   * {@code demo}. Closes {@code harvesting} when it stops.
   */
  static void serve(AppContext ctx, Harvesting harvesting, String host, int port, NodeRole role,
      CommandSpec spec) throws InterruptedException {
    Optional<HarvestScheduler> scheduler = Optional.empty();
    Optional<BackgroundActions> actions = Optional.empty();
    if (role != NodeRole.UI) {
      AlertService alerts = AlertService.fromSettings(ctx.database(), ctx.settings(), ctx.clock());
      HarvestScheduler s = new HarvestScheduler(ctx.database(), ctx.settings(), harvesting.service(),
          Optional.of(alerts), ctx.clock());
      s.start();
      scheduler = Optional.of(s);
      actions = Optional.of(new BackgroundActions(s, harvesting));
    }
    Optional<WebServer> server = Optional.empty();
    if (role != NodeRole.WORKER) {
      server = Optional.of(WebServer.start(WebConfig.from(ctx.settings(), host, port), ctx.database(), ctx.blobs(),
          ctx.clock(), actions.map(a -> (HarvestActions) a), Optional.of(new Connecting(new PlatformConnect(
              harvesting.credentials(), harvesting.http(), ctx.settings(), ctx.clock()), ctx.secretBox(),
              ctx.settings().uri("web.publicUrl")))));
    }
    NodeHeartbeat heartbeat = NodeHeartbeat.start(ctx.database(), ctx.settings(), ctx.clock(),
        NodeHeartbeat.name(ctx.settings(), role, server.map(WebServer::port).orElse(port)), role,
        server.map(w -> w.uri().toString()));
    Optional<HarvestScheduler> sched = scheduler;
    Optional<BackgroundActions> acts = actions;
    Optional<WebServer> web = server;
    Runnable onStop = () -> {
      sched.ifPresent(s -> s.stop(true));
      acts.ifPresent(BackgroundActions::close);
      harvesting.close();
      web.ifPresent(WebServer::close);
      heartbeat.close();
    };
    if (web.isPresent()) {
      WebServing.runUntilStopped(web.get(), spec.commandLine().getOut(), onStop);
    } else {
      WebServing.runUntilStopped("Máy thu thập (worker node, --no-ui): lịch thu thập và cảnh báo đang chạy"
          + "  (Ctrl-C để dừng)", spec.commandLine().getOut(), onStop);
    }
  }
}
