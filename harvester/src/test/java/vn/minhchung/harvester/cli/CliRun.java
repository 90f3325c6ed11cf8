package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process for tests and keeps exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Path dataDir, Map<String, String> env, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>();
    if (dataDir != null) {
      all.add("--data");
      all.add(dataDir.toString());
    }
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), new HashMap<>(env), clock);
    return new CliRun(code, out.toString(), err.toString());
  }

  public static CliRun run(Path dataDir, String... args) {
    return run(dataDir, Map.of(), Clock.systemUTC(), args);
  }
}
