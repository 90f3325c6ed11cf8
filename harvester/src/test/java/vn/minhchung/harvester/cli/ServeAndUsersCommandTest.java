package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndUsersCommandTest {
  @TempDir Path data;

  @Test
  void usersAddReadsThePasswordFromStdinAndRejectsBadInput() {
    UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-rat-dai-2026\n".getBytes(StandardCharsets.UTF_8));
    try {
      CliRun ok = CliRun.run(data, "users", "add", "canbo", "--role", "reviewer");
      assertThat(ok.exitCode()).as(ok.err()).isZero();
      assertThat(ok.out()).contains("User canbo created with role reviewer.");

      UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-rat-dai-2026\n".getBytes(StandardCharsets.UTF_8));
      CliRun dup = CliRun.run(data, "users", "add", "canbo", "--role", "viewer");
      assertThat(dup.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(dup.err()).contains("user 'canbo' exists already");

      CliRun role = CliRun.run(data, "users", "add", "xem", "--role", "boss");
      assertThat(role.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(role.err()).contains("--role boss: expected admin, reviewer or viewer");

      UsersCommand.stdin = new ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8));
      CliRun shortPw = CliRun.run(data, "users", "add", "xem", "--role", "viewer");
      assertThat(shortPw.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(shortPw.err()).contains("too short: at least 10 characters");

      UsersCommand.stdin = new ByteArrayInputStream("matkhau@123\n".getBytes(StandardCharsets.UTF_8));
      CliRun common = CliRun.run(data, "users", "add", "xem", "--role", "viewer");
      assertThat(common.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(common.err()).contains("the password for 'xem' is one of the most common passwords");

      UsersCommand.stdin = new ByteArrayInputStream("xemxemxemx\n".getBytes(StandardCharsets.UTF_8));
      CliRun sameAsName = CliRun.run(data, "users", "add", "xemxemxemx", "--role", "viewer");
      assertThat(sameAsName.err()).contains("is the user name");

      UsersCommand.stdin = new ByteArrayInputStream(new byte[0]);
      CliRun none = CliRun.run(data, "users", "add", "xem", "--role", "viewer");
      assertThat(none.err()).contains("no password on stdin");
    } finally {
      UsersCommand.stdin = System.in;
    }
  }

  @Test
  void usersPasswordSetsANewPasswordUnderTheSameRules() {
    try {
      UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-rat-dai-2026\n".getBytes(StandardCharsets.UTF_8));
      assertThat(CliRun.run(data, "users", "add", "quantri", "--role", "admin").exitCode()).isZero();

      UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-moi-thang-12\n".getBytes(StandardCharsets.UTF_8));
      CliRun changed = CliRun.run(data, "users", "password", "quantri");
      assertThat(changed.exitCode()).as(changed.err()).isZero();
      assertThat(changed.out()).contains("Password of quantri changed.");
      try (vn.minhchung.storage.db.Database db = vn.minhchung.storage.db.Database.open(
          vn.minhchung.storage.db.DatabaseTarget.embedded(data.resolve("db")))) {
        db.runInTransaction(s -> {
          assertThat(vn.minhchung.review.auth.Users.authenticate(s, "quantri", "Mat-khau-moi-thang-12".toCharArray()))
              .isPresent();
          assertThat(vn.minhchung.review.auth.Users.authenticate(s, "quantri", "Mat-khau-rat-dai-2026".toCharArray()))
              .isEmpty();
          assertThat(s.createNativeQuery("select count(*) from audit_event where action = 'user.password'"
              + " and entity_id = 'quantri'", Long.class).getSingleResult()).isEqualTo(1L);
        });
      }

      UsersCommand.stdin = new ByteArrayInputStream("Mat-khau-moi-thang-12\n".getBytes(StandardCharsets.UTF_8));
      CliRun unknown = CliRun.run(data, "users", "password", "khongco");
      assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(unknown.err()).contains("user 'khongco' does not exist");

      UsersCommand.stdin = new ByteArrayInputStream("quantri\n".getBytes(StandardCharsets.UTF_8));
      CliRun weak = CliRun.run(data, "users", "password", "quantri");
      assertThat(weak.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(weak.err()).contains("too short: at least 10 characters");
    } finally {
      UsersCommand.stdin = System.in;
    }
  }

  @Test
  void serveListensOnLoopbackByDefaultPrintsItsUrlServesTheLoginPageAndStopsCleanly() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    WebServing.stopSignal = stop;
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(
          new String[] {"--data", data.toString(), "serve", "--port", "0"},
          new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(),
          java.time.Clock.systemUTC()));
      Pattern url = Pattern.compile("\\(review web UI\\): (http://127\\.0\\.0\\.1:\\d+/)");
      Matcher m = url.matcher("");
      for (int i = 0; i < 600 && !m.find(); i++) {
        Thread.sleep(100);
        m = url.matcher(out.toString());
      }
      String base = m.group(1);
      HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "login")).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("Đăng nhập");
      int port = URI.create(base).getPort();
      for (java.net.InetAddress outside : outsideAddresses()) {
        assertThatThrownBy(() -> {
          try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(outside, port), 2000);
          }
        }).as("connecting to %s:%d", outside, port).isInstanceOf(java.io.IOException.class);
      }
      stop.countDown();
      assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      WebServing.stopSignal = null;
    }
  }

  /** This machine's IPv4 addresses other than loopback: a server bound to 127.0.0.1 must not answer on them. */
  private static java.util.List<java.net.InetAddress> outsideAddresses() throws java.io.IOException {
    return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .toList();
  }
}
