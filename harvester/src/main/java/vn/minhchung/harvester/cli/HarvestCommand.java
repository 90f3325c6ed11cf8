package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.harvester.harvest.NoSuchChannelException;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.post.HarvestRun;

/**
 * {@code harvest (--channel CODE | --all) [--no-capture] [--json]}: one run now, the same code path as a
 * scheduled run. Prints one line per channel. Exit 0 when at least one channel did not fail (failures are in
 * {@code runs list}), 3 when every channel failed on an outside system, 2 when every channel failed because of
 * its configuration or the code is unknown.
 */
@Command(name = "harvest", description = "Thu thập ngay một kênh hoặc mọi kênh đang hoạt động (one run now).",
    footer = {"", "Exit codes: 0 at least one channel ran (see 'runs list' for failures), "
        + "2 unknown channel or every channel misconfigured, 3 every channel failed on an outside system."})
final class HarvestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1") Target target;

  static final class Target {
    @Option(names = "--channel", paramLabel = "CODE", description = "Channel code.") String channel;
    @Option(names = "--all", description = "Every active channel.") boolean all;
  }

  @Option(names = "--no-capture", description = "Do not capture evidence screenshots of new posts.")
  boolean noCapture;

  @Option(names = "--json", description = "Print the run summaries as JSON.") boolean json;

  @Override
  public Integer call() {
    RunOptions options = RunOptions.manual(!noCapture);
    List<RunSummary> runs;
    AppContext ctx = Main.of(spec).context();
    try (Harvesting harvesting = Harvesting.wire(ctx)) {
      HarvestRunService service = harvesting.service();
      if (target.all) {
        runs = service.harvestAll(options);
      } else {
        runs = List.of(service.harvest(target.channel, options));
      }
      // The alerts a run decides (token rejected, channel blocked) are raised as after a scheduled run.
      AlertService alerts = AlertService.fromSettings(ctx.database(), ctx.settings(), ctx.clock());
      runs.forEach(r -> alerts.recordRun(r.channelCode(), r.status(), r.failureKind(), r.error()));
    } catch (NoSuchChannelException e) {
      throw CliException.badInput(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.array(runs.stream().map(HarvestCommand::row).toList()));
    } else if (runs.isEmpty()) {
      out.println("Không có kênh nào đang hoạt động (no active channel).");
    } else {
      runs.forEach(r -> out.println(line(r)));
    }
    return exitCode(runs);
  }

  static int exitCode(List<RunSummary> runs) {
    if (runs.isEmpty() || runs.stream().anyMatch(r -> r.status() != HarvestRun.Status.FAILED)) {
      return ExitCodes.OK;
    }
    boolean allConfig = runs.stream().allMatch(r -> r.failureKind().orElse(null) == ConnectorException.Kind.CONFIG);
    return allConfig ? ExitCodes.BAD_INPUT : ExitCodes.OUTSIDE_FAILURE;
  }

  static String line(RunSummary r) {
    String counts = String.format(Locale.ROOT, "%d bài mới, %d cập nhật, %d lỗi, %d số liệu", r.newPosts(),
        r.updatedPosts(), r.failedItems(), r.snapshots());
    String tail = r.error() == null ? "" : " — " + r.error();
    return r.channelCode() + ": " + r.status().code() + " (" + counts + "; lần chạy #" + r.runId() + ")" + tail;
  }

  private static Map<String, Object> row(RunSummary r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", r.channelCode());
    m.put("runId", r.runId());
    m.put("status", r.status().code());
    m.put("startedAt", VietnameseDates.isoLocal(r.startedAt()));
    m.put("endedAt", VietnameseDates.isoLocal(r.endedAt()));
    m.put("newPosts", r.newPosts());
    m.put("updatedPosts", r.updatedPosts());
    m.put("failedItems", r.failedItems());
    m.put("snapshots", r.snapshots());
    m.put("captures", r.captures());
    m.put("error", r.error());
    m.put("failureKind", r.failureKind().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(null));
    m.put("retryAfter", r.retryAfter().map(VietnameseDates::isoLocal).orElse(null));
    return m;
  }
}
