package vn.minhchung.harvester.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;

/**
 * {@code users add NAME --role admin|reviewer|viewer}: creates a web user; {@code users password NAME}: gives an
 * existing user a new password. The password comes from stdin or a prompt.
 */
@Command(name = "users", description = "Web UI users.", subcommands = {UsersCommand.Add.class,
    UsersCommand.Password.class})
final class UsersCommand {

  /** Where passwords are read from when there is no console; tests replace it. */
  static java.io.InputStream stdin = System.in;

  @Command(name = "password", description = "Set a new password for an existing web user (e.g. a forgotten one). "
      + "The password is read from stdin (first line) or prompted for.")
  static final class Password implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
    String name;

    @Override
    public Integer call() {
      char[] password = readPassword(name, "users password " + name);
      try {
        AppContext ctx = Main.of(spec).context();
        ctx.database().runInTransaction(s -> Users.setPassword(s, name, password, "cli", ctx.clock().instant()));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Password of %s changed.%n", name);
      return ExitCodes.OK;
    }
  }

  @Command(name = "add", description = "Create a web user. The password is read from stdin (first line) or prompted for.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "User name (lower case letters, digits, . _ -).")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin | reviewer | viewer")
    String role;

    @Override
    public Integer call() {
      Role r = Role.fromCode(role).orElseThrow(() -> new CliException(ExitCodes.BAD_INPUT,
          "--role " + role + ": expected admin, reviewer or viewer"));
      char[] password = readPassword(name, "users add " + name + " --role " + role);
      try {
        AppContext ctx = Main.of(spec).context();
        ctx.database().runInTransaction(s -> Users.add(s, name, r, password, "cli",
            ctx.clock().instant()));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getOut().printf(java.util.Locale.ROOT, "User %s created with role %s.%n", name, r.code());
      return ExitCodes.OK;
    }
  }

  /** The password from the console (typed twice) or the first line of {@link #stdin}. */
  static char[] readPassword(String name, String usage) {
    Console console = System.console();
    if (console != null && stdin == System.in) {
      char[] first = console.readPassword("Password for %s: ", name);
      char[] again = console.readPassword("Repeat the password: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        throw new CliException(ExitCodes.BAD_INPUT, "the two passwords differ (or input ended); nothing was changed");
      }
      Arrays.fill(again, '\0');
      return first;
    }
    try {
      String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new CliException(ExitCodes.BAD_INPUT, "no password on stdin: pipe it in, e.g. printf '%s\\n' \"$PW\" | harvester "
            + usage);
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new CliException(ExitCodes.BAD_INPUT, "cannot read the password from stdin: " + e.getMessage());
    }
  }
}
