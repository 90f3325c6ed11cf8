package vn.minhchung.harvester.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.review.web.HarvestActions;
import vn.minhchung.review.web.WebConfig;
import vn.minhchung.review.web.WebServer;

/** {@code serve [--port N]}: runs the review web UI until the process is stopped (Ctrl-C stops it cleanly). */
@Command(name = "serve", description = "Start the review web UI (default port: web.port, 8080) and run until stopped.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: setting web.port).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "0.0.0.0",
      description = "Address to bind (default: ${DEFAULT-VALUE}; use 127.0.0.1 to allow only this machine).")
  String host;

  /** Set by tests to stop the server; the command otherwise waits until the JVM shuts down. */
  static volatile CountDownLatch stopSignal;

  @Override
  public Integer call() throws InterruptedException {
    AppContext ctx = Main.of(spec).context();
    int p = port != null ? port : ctx.settings().integer("web.port");
    if (p < 0 || p > 65535) {
      throw new CliException(ExitCodes.BAD_INPUT, "--port " + p + " is not a TCP port (0-65535)");
    }
    Optional<HarvestActions> actions = Optional.empty();
    WebServer server = WebServer.start(WebConfig.from(ctx.settings(), host, p), ctx.database(), ctx.blobs(), ctx.clock(), actions);
    CountDownLatch stop = stopSignal != null ? stopSignal : new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stop.countDown();
    }, "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Review web UI: %s (Ctrl-C to stop)%n", server.uri());
    spec.commandLine().getOut().flush();
    stop.await();
    if (stopSignal != null) {
      Runtime.getRuntime().removeShutdownHook(hook);
      server.close();
    }
    return ExitCodes.OK;
  }
}
