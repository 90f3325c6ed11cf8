package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.storage.post.HarvestRun;

/** {@code runs list [--channel CODE] [--json] [--limit N]}: harvest runs, newest first. */
@Command(name = "runs", description = "Các lần thu thập (harvest runs).", subcommands = RunsCommand.ListRuns.class)
final class RunsCommand {

  @Command(name = "list", description = "List harvest runs: start, end, status, new posts, updated, captures, error.")
  static final class ListRuns implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--channel", paramLabel = "CODE", description = "Only this channel.") String channel;
    @Option(names = "--json", description = "JSON array.") boolean json;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N runs (default 100).")
    int limit;

    @Override
    public Integer call() {
      List<Map<String, Object>> rows = Main.of(spec).context().database().inTransaction(s -> {
        if (channel != null && s.createQuery("select count(c) from Channel c where c.code = :c", Long.class)
            .setParameter("c", channel).getSingleResult() == 0) {
          throw CliException.badInput("kênh '" + channel + "' không có trong danh mục (unknown channel code)");
        }
        return s.createQuery("from HarvestRun r join fetch r.channel c where (:c is null or c.code = :c) "
            + "order by r.startedAt desc, r.id desc", HarvestRun.class)
            .setParameter("c", channel).setMaxResults(limit).getResultList().stream().map(ListRuns::row).toList();
      });
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.array(rows));
      } else {
        for (Map<String, Object> r : rows) {
          out.println(String.format(Locale.ROOT, "#%s %s %s → %s %s: %s mới, %s cập nhật, %s lỗi, %s ảnh chụp%s",
              r.get("runId"), r.get("channel"), r.get("startedAt"), Objects.toString(r.get("endedAt"), "…"),
              r.get("status"), r.get("newPosts"), r.get("updatedPosts"), r.get("failedItems"), r.get("captures"),
              r.get("error") == null ? "" : " — " + r.get("error")));
        }
      }
      return ExitCodes.OK;
    }

    private static Map<String, Object> row(HarvestRun r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("runId", r.getId());
      m.put("channel", r.getChannel().getCode());
      m.put("startedAt", VietnameseDates.isoLocal(r.getStartedAt()));
      m.put("endedAt", VietnameseDates.isoLocal(r.getEndedAt()));
      m.put("status", r.getStatus().code());
      m.put("trigger", r.getTriggerKind());
      m.put("node", r.getNode());
      m.put("newPosts", r.getNewPosts());
      m.put("updatedPosts", r.getUpdatedPosts());
      m.put("failedItems", r.getFailedItems());
      m.put("snapshots", r.getSnapshots());
      m.put("captures", r.getCaptures());
      m.put("error", r.getError());
      return m;
    }
  }
}
