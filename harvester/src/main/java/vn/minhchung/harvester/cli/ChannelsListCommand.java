package vn.minhchung.harvester.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.registry.ChannelStatus;

/** {@code channels list [--json]}: every channel with its last run, last success and post count. */
@Command(name = "list", description = {"List registered channels with last run, last success and number of posts.",
    "Works while 'serve' runs on the embedded database."},
    footer = {"", "Ví dụ (examples):",
        "  harvester channels list                 # bảng kênh: lần chạy gần nhất, số bài đã thu thập",
        "  harvester channels list --json          # JSON cho công cụ khác"})
final class ChannelsListCommand implements Callable<Integer> {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array (fields: code, unit, kind, name, url, active, "
      + "lastRunAt, lastRunStatus, lastSuccessAt, posts; times ISO-8601 with +07:00).")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    List<ChannelStatus> channels = Main.of(spec).context().database().inTransaction(ChannelStatus::all);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(channels.stream().map(ChannelsListCommand::object).toList()));
    } else {
      table(out, channels);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, Object> object(ChannelStatus c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code());
    m.put("unit", c.unit());
    m.put("kind", c.kind().code());
    m.put("name", c.name());
    m.put("url", c.url());
    m.put("active", c.active());
    m.put("lastRunAt", iso(c.lastRunAt()));
    m.put("lastRunStatus", c.lastRunStatus());
    m.put("lastSuccessAt", iso(c.lastSuccessAt()));
    m.put("posts", c.posts());
    return m;
  }

  /** ISO-8601 in Asia/Ho_Chi_Minh, e.g. 2026-04-14T08:30:00+07:00. */
  static String iso(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).atZone(Settings.ZONE).toOffsetDateTime()
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static void table(PrintWriter out, List<ChannelStatus> channels) {
    if (channels.isEmpty()) {
      out.println("No channels registered yet; load them with: harvester registry import FILE");
      return;
    }
    String format = "%-16s %-12s %-16s %-40s %-6s %-16s %-11s %-16s %6s%n";
    out.printf(Locale.ROOT, format, "CODE", "UNIT", "KIND", "NAME", "ACTIVE", "LAST RUN", "STATUS", "LAST SUCCESS",
        "POSTS");
    for (ChannelStatus c : channels) {
      out.printf(Locale.ROOT, format, c.code(), c.unit(), c.kind().code(), cut(c.name(), 40), c.active() ? "yes" : "no",
          shown(c.lastRunAt()), c.lastRunStatus() == null ? "-" : c.lastRunStatus(), shown(c.lastSuccessAt()),
          c.posts());
    }
  }

  private static String shown(Instant t) {
    return t == null ? "-" : t.atZone(Settings.ZONE).format(SHOWN);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
