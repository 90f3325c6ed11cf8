package vn.minhchung.harvester.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.harvester.schedule.alert.AlertView;

/** {@code alerts list [--all] [--json]} and {@code alerts check}: the alerts raised by the scheduler. */
@Command(name = "alerts", description = "Cảnh báo (alerts): stale or failing channels, rejected keys, deadlines.",
    subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Check.class})
final class AlertsCommand {

  @Command(name = "list", description = "List open alerts (with --all also resolved ones).")
  static final class ListAlerts implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print a JSON array.") boolean json;
    @Option(names = "--all", description = "Include resolved alerts.") boolean all;

    @Override
    public Integer call() throws JsonProcessingException {
      AppContext ctx = Main.of(spec).context();
      List<AlertView> alerts = service(ctx).list(all);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(alerts.stream().map(ListAlerts::toJson).toList()));
        return ExitCodes.OK;
      }
      if (alerts.isEmpty()) {
        out.println(all ? "Chưa có cảnh báo nào." : "Không có cảnh báo đang mở.");
        return ExitCodes.OK;
      }
      DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(Settings.ZONE);
      for (AlertView a : alerts) {
        out.println(String.format(Locale.ROOT, "[%s] %s  %s  %s", a.status().equals("open") ? "MỞ" : "ĐÃ XỬ LÝ",
            f.format(a.lastSeenAt()), a.kind(), a.title()));
        out.println("    " + a.message());
      }
      return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(AlertView a) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", a.key());
      m.put("kind", a.kind());
      m.put("status", a.status());
      m.put("channel", a.channel());
      m.put("planItem", a.planItem());
      m.put("title", a.title());
      m.put("message", a.message());
      m.put("firstSeenAt", iso(a.firstSeenAt()));
      m.put("lastSeenAt", iso(a.lastSeenAt()));
      m.put("resolvedAt", iso(a.resolvedAt()));
      m.put("notifiedAt", iso(a.notifiedAt()));
      return m;
    }

    private static String iso(Instant t) {
      return t == null ? null : t.atZone(Settings.ZONE).toOffsetDateTime().toString();
    }
  }

  @Command(name = "check", description = "Evaluate every alert condition now (serve does it every alerts.checkMinutes).")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      AlertService.CheckResult r = service(Main.of(spec).context()).check();
      spec.commandLine().getOut().println(String.format(Locale.ROOT,
          "Đã kiểm tra: %d cảnh báo mới, %d đã hết, %d đang mở, %d đã gửi e-mail.",
          r.opened(), r.resolved(), r.open(), r.notified()));
      return r.open() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
  }

  private static AlertService service(AppContext ctx) {
    try {
      return AlertService.fromSettings(ctx.database(), ctx.settings(), ctx.clock());
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
  }
}
