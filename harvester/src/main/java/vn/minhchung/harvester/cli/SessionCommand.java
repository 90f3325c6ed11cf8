package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.account.BrowserSessions;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;
import vn.minhchung.storage.credential.SavedSession;
import vn.minhchung.storage.credential.SecretKeyException;

/**
 * {@code session import|check|list|remove}: the saved login session the browser uses for a platform's pages.
 * Cookies are read from a file (or stdin), stored sealed, and never printed.
 */
@Command(name = "session", description = "Saved browser login sessions per platform (cookies sealed; never printed).",
    subcommands = {SessionCommand.Import.class, SessionCommand.Check.class, SessionCommand.ListSessions.class,
        SessionCommand.Remove.class})
final class SessionCommand {
  /** Exit code of {@code session check} when the platform asks to verify the account (a checkpoint). */
  static final int CHECKPOINT = ExitCodes.SESSION_CHECKPOINT;
  /** Where {@code -} reads from; tests replace it. */
  static InputStream stdin = System.in;

  private static String actor() {
    return "cli:" + System.getProperty("user.name", "?");
  }

  @Command(name = "import", description = "Store FILE (Playwright storage state, Netscape cookies.txt or a cookie-export"
      + " extension's JSON; '-' = stdin) as PLATFORM's session; only the platform's cookies are kept.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "facebook") String platform;

    @Parameters(index = "1", paramLabel = "FILE", description = "Cookie file, or - for stdin.") String file;

    @Override
    public Integer call() {
      byte[] bytes;
      String source = file.equals("-") ? "stdin" : file;
      try {
        bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
      } catch (NoSuchFileException e) {
        throw CliException.badInput(file + ": không có tệp này (no such file)");
      } catch (IOException e) {
        throw CliException.badInput(source + ": không đọc được tệp: " + e.getMessage());
      }
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        BrowserSessions.Imported in = h.sessions().importFile(platform, bytes, source, actor());
        BrowserSessions.Row r = in.row();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: đã lưu phiên đăng nhập (%s, %d cookie%s), cookie đăng"
                + " nhập %s; kiểm tra bằng: session check %s%n", r.platform(), r.sourceFormat(), r.cookies(),
            in.dropped() == 0 ? "" : "; bỏ " + in.dropped() + " cookie của trang khác",
            r.authExpiresAt() == null ? "là cookie phiên (hết khi trình duyệt đóng)"
                : "hết hạn " + VietnameseDates.isoLocal(r.authExpiresAt()), r.platform());
        return ExitCodes.OK;
      } catch (IllegalArgumentException | SecretKeyException e) {
        throw CliException.badInput(e.getMessage());
      }
    }
  }

  @Command(name = "check", description = "Load the platform's page with the saved session: exit 0 logged in, 1 logged"
      + " out, 5 checkpoint, 3 page not loaded.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "facebook") String platform;

    @Option(names = "--json", description = "One JSON object.") boolean json;

    @Override
    public Integer call() {
      BrowserSessions.Checked c;
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        c = h.sessions().check(platform, h.captures(), actor());
      } catch (IllegalArgumentException | SecretKeyException e) {
        throw CliException.badInput(e.getMessage());
      } catch (BrowserUnavailableException e) {
        throw new CliException(ExitCodes.OUTSIDE_FAILURE, e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", platform);
        m.put("state", c.state().code());
        m.put("detail", c.detail());
        m.put("url", c.finalUrl());
        out.println(Json.object(m));
      } else {
        out.println(platform + ": " + label(c.state()) + " — " + c.detail());
      }
      return switch (c.state()) {
        case LOGGED_IN -> ExitCodes.OK;
        case LOGGED_OUT -> ExitCodes.PROBLEMS;
        case CHECKPOINT -> CHECKPOINT;
        case UNKNOWN -> ExitCodes.OUTSIDE_FAILURE;
      };
    }
  }

  @Command(name = "list", description = "Saved sessions: format, cookies, imported when and by whom, expiry, state.")
  static final class ListSessions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "JSON array.") boolean json;

    @Override
    public Integer call() {
      List<BrowserSessions.Row> rows;
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        rows = h.sessions().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.array(rows.stream().map(SessionCommand::json).toList()));
        return ExitCodes.OK;
      }
      if (rows.isEmpty()) {
        out.println("Chưa có phiên đăng nhập nào được lưu (no saved session).");
      }
      for (BrowserSessions.Row r : rows) {
        out.println(String.format(Locale.ROOT, "%s %s, %d cookie, nhập %s bởi %s, hết hạn %s, kiểm tra %s%s",
            r.platform(), label(SavedSession.State.of(r.state())), r.cookies(), VietnameseDates.isoLocal(r.importedAt()),
            r.importedBy(), r.authExpiresAt() == null ? "khi đóng trình duyệt" : VietnameseDates.isoLocal(r.authExpiresAt()),
            r.checkedAt() == null ? "chưa" : VietnameseDates.isoLocal(r.checkedAt()),
            r.stateDetail() == null ? "" : " — " + r.stateDetail()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Delete PLATFORM's saved session.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM") String platform;

    @Override
    public Integer call() {
      Optional<BrowserSessions.Row> gone;
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        gone = h.sessions().remove(platform, actor());
      } catch (IllegalArgumentException e) {
        throw CliException.badInput(e.getMessage());
      }
      if (gone.isEmpty()) {
        throw CliException.badInput(platform + ": chưa có phiên đăng nhập lưu sẵn; không có gì để gỡ");
      }
      spec.commandLine().getOut().println(platform + ": đã xóa phiên đăng nhập");
      return ExitCodes.OK;
    }
  }

  static String label(SavedSession.State s) {
    return switch (s) {
      case LOGGED_IN -> "đã đăng nhập";
      case LOGGED_OUT -> "đã đăng xuất";
      case CHECKPOINT -> "bị yêu cầu xác minh (checkpoint)";
      case UNKNOWN -> "chưa rõ";
    };
  }

  static Map<String, Object> json(BrowserSessions.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("platform", r.platform());
    m.put("format", r.sourceFormat());
    m.put("cookies", r.cookies());
    m.put("importedBy", r.importedBy());
    m.put("importedAt", VietnameseDates.isoLocal(r.importedAt()));
    m.put("authExpiresAt", VietnameseDates.isoLocal(r.authExpiresAt()));
    m.put("state", r.state());
    m.put("stateDetail", r.stateDetail());
    m.put("checkedAt", VietnameseDates.isoLocal(r.checkedAt()));
    return m;
  }
}
