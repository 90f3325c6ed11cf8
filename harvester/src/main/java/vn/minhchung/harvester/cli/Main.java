package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import vn.minhchung.config.settings.SettingsException;
import vn.minhchung.storage.db.DatabaseUnavailableException;

/** Entry point: {@code java -jar harvester.jar [--data DIR] [--config FILE] COMMAND …}. */
@Command(name = "harvester", mixinStandardHelpOptions = true, version = "harvester " + Main.VERSION,
    description = {"Thu thập minh chứng từ các kênh chính thống (evidence harvester for official channels).", ""},
    subcommands = {
        DbCommand.class,
        CaptureCommand.class,
        RegistryCommand.class,
        ChannelsCommand.class,
        ServeCommand.class,
        UsersCommand.class,
        CredentialsCommand.class,
        SessionCommand.class,
        ExportCommand.class,
        VerifyCommand.class,
        HarvestCommand.class,
        PostsCommand.class,
        EvidenceCommand.class,
        RunsCommand.class,
        AlertsCommand.class,
        BlobsCommand.class,
        DemoCommand.class,
    },
    footer = {"", "Exit codes: 0 success, 1 problems found, 2 bad input or configuration, 3 an outside system failed."})
public final class Main implements Callable<Integer> {
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Option(names = "--data", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
      description = "Data directory (default: $HARVESTER_HOME, else ./data).")
  Path data;

  @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "Settings file (default: DIR/harvester.yaml).")
  Path config;

  private final Map<String, String> env;
  private final Clock clock;
  private AppContext context;

  public Main(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: see 'harvester --help'");
  }

  /** The context of this invocation, opened on first use. */
  public synchronized AppContext context() {
    if (context == null) {
      Path dir = data != null ? data : Path.of(env.getOrDefault("HARVESTER_HOME", "data"));
      Path cfg = config != null ? config : dir.resolve("harvester.yaml");
      context = new AppContext(dir, cfg, config != null, env, clock);
    }
    return context;
  }

  /** Finds the root {@link Main} of a subcommand. */
  public static Main of(CommandLine.Model.CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, System.getenv(), Clock.systemUTC()));
  }

  /** Runs one command line; returns the exit code. Used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    Main main = new Main(env, clock);
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((Exception ex, CommandLine c, ParseResult pr) -> handle(ex, err));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + ex.getMessage());
      ex.getCommandLine().usage(err);
      return ExitCodes.BAD_INPUT;
    });
    try {
      return cl.execute(args);
    } finally {
      main.closeContext();
      out.flush();
      err.flush();
    }
  }

  private synchronized void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  static int handle(Exception ex, PrintWriter err) {
    if (ex instanceof CliException ce) {
      err.println("error: " + ce.getMessage());
      return ce.exitCode();
    }
    if (ex instanceof SettingsException se) {
      se.problems().forEach(p -> err.println("error: " + p));
      return ExitCodes.BAD_INPUT;
    }
    if (ex instanceof DatabaseUnavailableException de) {
      err.println("error: " + de.getMessage());
      return ExitCodes.OUTSIDE_FAILURE;
    }
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
      err.println("error: " + ex.getMessage());
      return ExitCodes.OUTSIDE_FAILURE;
    }
    LOG.error("unexpected failure", ex);
    err.println("error: unexpected failure: " + ex + " (details in the log)");
    return ExitCodes.OUTSIDE_FAILURE;
  }
}
