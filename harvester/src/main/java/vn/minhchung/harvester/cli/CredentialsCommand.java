package vn.minhchung.harvester.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.config.registry.RegistryFormats;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.account.Credentials;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.harvest.NoSuchChannelException;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.SecretKeyException;

/**
 * {@code credentials set|list|remove}: the platform account of a channel. Tokens are read from stdin, checked with
 * the platform, stored sealed, and never printed: listings show a mask.
 */
@Command(name = "credentials", description = "Per-channel platform accounts (tokens from stdin; never printed).",
    subcommands = {CredentialsCommand.Set.class, CredentialsCommand.ListAccounts.class, CredentialsCommand.Remove.class})
final class CredentialsCommand {
  /** Where tokens are read from; tests replace it. */
  static java.io.InputStream stdin = System.in;

  @Command(name = "set", description = "Check a token (stdin, first line) with the platform and store it for CHANNEL.")
  static final class Set implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "Channel code (facebook_page, zalo_oa, youtube_channel).")
    String channel;

    @Option(names = "--refresh-token-stdin", description = "Zalo: the refresh token is the second line of stdin.")
    boolean refreshFromStdin;

    @Option(names = "--expires", paramLabel = "dd/MM/yyyy", description = "When the token expires (end of that day).")
    String expires;

    @Override
    public Integer call() {
      Optional<Instant> expiresAt = Optional.ofNullable(expires).map(CredentialsCommand::endOfDay);
      List<String> lines = readLines(refreshFromStdin ? 2 : 1);
      AccountSecrets secrets = new AccountSecrets(lines.get(0), refreshFromStdin ? lines.get(1) : null);
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        Credentials.Row r = h.credentials().set(channel, secrets, expiresAt, "cli");
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: đã lưu tài khoản %s %s (%s), token %s, %s%n", r.channel(),
            r.platform(), r.account(), Objects.toString(r.name(), "không tên"), r.masked(),
            r.expiresAt() == null ? "không hết hạn" : "hết hạn " + VietnameseDates.isoLocal(r.expiresAt()));
        return ExitCodes.OK;
      } catch (NoSuchChannelException | IllegalArgumentException | SecretKeyException e) {
        throw CliException.badInput(e.getMessage());
      } catch (ConnectorException e) {
        throw new CliException(e.kind().retryable() ? ExitCodes.OUTSIDE_FAILURE : ExitCodes.BAD_INPUT,
            "không lưu token: " + e.getMessage());
      }
    }
  }

  @Command(name = "list", description = "Channels with an account: status, expiry, last use and a masked token.")
  static final class ListAccounts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "JSON array.") boolean json;

    @Override
    public Integer call() {
      List<Credentials.Row> rows;
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        rows = h.credentials().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.array(rows.stream().map(CredentialsCommand::json).toList()));
        return ExitCodes.OK;
      }
      if (rows.isEmpty()) {
        out.println("Chưa kênh nào có tài khoản kết nối (no channel has an account yet).");
      }
      for (Credentials.Row r : rows) {
        out.println(String.format(Locale.ROOT, "%s %s %s (%s) %s %s, hết hạn %s, dùng lần cuối %s%s", r.channel(),
            r.platform(), r.account(), Objects.toString(r.name(), "—"), r.status(), r.masked(),
            r.expiresAt() == null ? "không" : VietnameseDates.isoLocal(r.expiresAt()),
            r.lastUsedAt() == null ? "chưa" : VietnameseDates.isoLocal(r.lastUsedAt()),
            r.lastError() == null ? "" : " — " + r.lastError()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Unlink CHANNEL's account (deleted with its token once no channel uses it).")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHANNEL") String channel;

    @Override
    public Integer call() {
      try (Harvesting h = Harvesting.wire(Main.of(spec).context())) {
        Optional<Credentials.Row> removed = h.credentials().remove(channel, "cli");
        if (removed.isEmpty()) {
          throw CliException.badInput(channel + ": kênh chưa có tài khoản kết nối; không có gì để gỡ");
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: đã gỡ tài khoản %s %s%n", channel,
            removed.get().platform(), removed.get().account());
        return ExitCodes.OK;
      } catch (NoSuchChannelException e) {
        throw CliException.badInput(e.getMessage());
      }
    }
  }

  static Map<String, Object> json(Credentials.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", r.channel());
    m.put("platform", r.platform());
    m.put("account", r.account());
    m.put("name", r.name());
    m.put("status", r.status());
    m.put("expiresAt", VietnameseDates.isoLocal(r.expiresAt()));
    m.put("lastUsedAt", VietnameseDates.isoLocal(r.lastUsedAt()));
    m.put("lastSuccessAt", VietnameseDates.isoLocal(r.lastSuccessAt()));
    m.put("lastError", r.lastError());
    m.put("masked", r.masked());
    return m;
  }

  static Instant endOfDay(String text) {
    LocalDate d = RegistryFormats.parseDate(text).orElseThrow(() -> CliException.badInput("--expires " + text
        + ": expected a date dd/MM/yyyy such as 31/12/2026"));
    return d.plusDays(1).atStartOfDay(Settings.ZONE).toInstant().minusSeconds(1);
  }

  /** Reads {@code n} non-empty lines from stdin; a token never comes from the command line (shell history). */
  static List<String> readLines(int n) {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      List<String> lines = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        String line = in.readLine();
        if (line == null || line.isBlank()) {
          throw CliException.badInput(i == 0
              ? "no token on stdin: pipe it in, e.g. printf '%s\\n' \"$TOKEN\" | harvester credentials set CHANNEL"
              : "--refresh-token-stdin: the refresh token must be the second line of stdin");
        }
        lines.add(line.strip());
      }
      return lines;
    } catch (IOException e) {
      throw CliException.badInput("cannot read the token from stdin: " + e.getMessage());
    }
  }
}
