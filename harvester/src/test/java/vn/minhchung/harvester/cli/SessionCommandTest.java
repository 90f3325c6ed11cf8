package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.db.Database;

/**
 * {@code session import|list|remove|check} on the command line; {@code check} and captures load a local stand-in of
 * facebook.com ({@code platforms.facebook.pageBaseUrl}) in the real Chromium, which answers by the cookies it gets.
 */
@Timeout(600)
class SessionCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);
  static final String XS = "31%3AaBcDeFgHiJkLmN%3A2%3A1763600000%3A-1%3A11234";
  static final String NETSCAPE = "facebook-cookies-2026-11-20.txt";
  static final String LATER = "2114380800";

  @TempDir Path dir;
  StandIn facebook;
  StandIn news;

  @BeforeEach
  void start() {
    facebook = new StandIn(true);
    news = new StandIn(false);
  }

  @AfterEach
  void stop() {
    SessionCommand.stdin = System.in;
    facebook.close();
    news.close();
  }

  Map<String, String> env() {
    return Map.of("HARVESTER_PLATFORMS_FACEBOOK_PAGE_BASE_URL", facebook.base(),
        "HARVESTER_HTTP_ALLOW_HOSTS", facebook.authority() + "," + news.authority(),
        "HARVESTER_BROWSER_CONCURRENCY", "1", "HARVESTER_BROWSER_CAPTURE_TIMEOUT_SECONDS", "30");
  }

  CliRun cli(String... args) {
    return CliRun.run(dir.resolve("data"), env(), CLOCK, args);
  }

  Path fixture(String name, String from, String to) throws IOException {
    try (InputStream in = SessionCommandTest.class.getResourceAsStream("/fixtures/sessions/" + name)) {
      Path f = dir.resolve(name.replace(".", "-" + Math.abs(to.hashCode()) + "."));
      Files.writeString(f, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to));
      return f;
    }
  }

  /** The Netscape fixture with its login cookies lasting until 2037 and {@code from} replaced. */
  Path later(String from, String to) throws IOException {
    Path f = fixture(NETSCAPE, from, to);
    Files.writeString(f, Files.readString(f).replace("1802941964", LATER));
    return f;
  }

  Path fixture(String name) throws IOException {
    return fixture(name, "", "");
  }

  @Test
  void importsEachFormatKeepingOnlyFacebookCookiesSealedAndAudited() throws Exception {
    CliRun txt = cli("session", "import", "facebook", fixture(NETSCAPE).toString());
    assertThat(txt.exitCode()).as(txt.err()).isZero();
    assertThat(txt.out()).contains("facebook: đã lưu phiên đăng nhập (netscape, 6 cookie; bỏ 2 cookie của trang khác)")
        .contains("hết hạn 2027-02-18T16:12:44+07:00").contains("session check facebook").doesNotContain(XS);

    JsonNode list = JSON.readTree(cli("session", "list", "--json").out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("platform").asText()).isEqualTo("facebook");
    assertThat(list.get(0).path("format").asText()).isEqualTo("netscape");
    assertThat(list.get(0).path("cookies").asInt()).isEqualTo(6);
    assertThat(list.get(0).path("state").asText()).isEqualTo("unknown");
    assertThat(list.get(0).path("importedBy").asText()).startsWith("cli:");
    assertThat(list.get(0).path("importedAt").asText()).isEqualTo("2026-11-20T10:00:00+07:00");
    assertThat(list.get(0).path("authExpiresAt").asText()).isEqualTo("2027-02-18T16:12:44+07:00");

    SessionCommand.stdin = new ByteArrayInputStream(Files.readAllBytes(fixture("facebook-cookie-editor-2026-11-20.json")));
    CliRun ext = cli("session", "import", "facebook", "-");
    assertThat(ext.exitCode()).as(ext.err()).isZero();
    assertThat(ext.out()).contains("(extension, 4 cookie; bỏ 1 cookie của trang khác)");

    CliRun pw = cli("session", "import", "facebook", fixture("facebook-storage-state-2026-11-20.json").toString());
    assertThat(pw.exitCode()).as(pw.err()).isZero();
    assertThat(pw.out()).contains("(playwright, 6 cookie; bỏ 2 cookie của trang khác)");
    assertThat(cli("session", "list").out()).contains("facebook chưa rõ, 6 cookie, nhập 2026-11-20T10:00:00+07:00 bởi cli:");

    Path loggedOut = fixture("facebook-logged-out-cookies-2026-11-20.txt");
    CliRun refused = cli("session", "import", "facebook", loggedOut.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(refused.err()).contains(loggedOut + " (Netscape cookies.txt): không có cookie đăng nhập 'c_user' của"
        + " facebook.com (cần c_user và xs; tệp có 4 cookie của Facebook: datr, fr, sb, wd)");
    Path expired = fixture(NETSCAPE, "1802941964\txs", "1793491200\txs");
    CliRun old = cli("session", "import", "facebook", expired.toString());
    assertThat(old.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(old.err()).contains(expired + ": dòng 8: cookie đăng nhập 'xs' đã hết hạn lúc 2026-11-01T07:00:00+07:00");
    assertThat(cli("session", "import", "facebook", dir.resolve("khong-co.txt").toString()).err())
        .contains("khong-co.txt: không có tệp này");
    assertThat(cli("session", "import", "zalo", fixture(NETSCAPE).toString()).err())
        .contains("nền tảng 'zalo' không có phiên đăng nhập lưu sẵn; dùng một trong: facebook");

    assertNoCookieInDatabaseFiles();
    try (Database db = Database.open(Settings.of(dir.resolve("data"), Map.of()))) {
      List<AuditEvent> events = db.inTransaction(AuditLog::all);
      assertThat(events).extracting(AuditEvent::getAction)
          .containsExactly("session.import", "session.import", "session.import");
      assertThat(events.get(0).getAfterJson()).contains("\"format\":\"netscape\"").contains("\"dropped\":2")
          .doesNotContain(XS).doesNotContain("100089765432101");
    }

    CliRun removed = cli("session", "remove", "facebook");
    assertThat(removed.exitCode()).isZero();
    assertThat(cli("session", "list").out()).contains("Chưa có phiên đăng nhập nào được lưu");
    assertThat(cli("session", "remove", "facebook").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli("session", "check", "facebook").err()).contains("chưa có phiên đăng nhập lưu sẵn; nhập bằng lệnh"
        + " 'session import facebook FILE'");
  }

  @Test
  void checkTellsLoggedInLoggedOutAndCheckpointApartAndCookiesStayOnFacebook() throws Exception {
    // Chromium drops cookies past their expiry by the real clock: the login cookies here last until 2037.
    assertThat(cli("session", "import", "facebook", fixture(NETSCAPE, "1802941964", LATER).toString()).exitCode())
        .isZero();
    CliRun in = cli("session", "check", "facebook", "--json");
    assertThat(in.exitCode()).as(in.err() + in.out()).isZero();
    JsonNode j = JSON.readTree(in.out());
    assertThat(j.path("state").asText()).isEqualTo("logged_in");
    assertThat(j.path("detail").asText()).contains("có điều khiển tài khoản");
    assertThat(facebook.cookieAt("/").orElse("")).contains("c_user=100089765432101").contains("xs=" + XS);
    assertThat(JSON.readTree(cli("session", "list", "--json").out()).get(0).path("checkedAt").asText())
        .isEqualTo("2026-11-20T10:00:00+07:00");

    // A capture of the platform's page carries the session; a page of another site never gets its cookies.
    CliRun other = cli("capture", news.base() + "/tin-tuc/hoi-nghi-chuyen-doi-so", "--json");
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(news.cookieAt("/tin-tuc/hoi-nghi-chuyen-doi-so")).as("no cookie reaches another site").isEmpty();
    assertThat(news.requests).contains("/tin-tuc/hoi-nghi-chuyen-doi-so");

    assertThat(cli("session", "import", "facebook", later(XS, "31%3AexpiredSession%3A2").toString())
        .exitCode()).isZero();
    CliRun out = cli("session", "check", "facebook");
    assertThat(out.exitCode()).as(out.err() + out.out()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(out.out()).contains("facebook: đã đăng xuất — chưa đăng nhập:");

    assertThat(cli("session", "import", "facebook", later(XS, "31%3Acheckpoint%3A2").toString())
        .exitCode()).isZero();
    CliRun cp = cli("session", "check", "facebook", "--json");
    assertThat(cp.exitCode()).as(cp.err() + cp.out()).isEqualTo(ExitCodes.SESSION_CHECKPOINT);
    assertThat(JSON.readTree(cp.out()).path("state").asText()).isEqualTo("checkpoint");
    assertThat(JSON.readTree(cp.out()).path("url").asText()).contains("/checkpoint/1501092823525282/");
    assertThat(cli("session", "list").out()).contains("facebook bị yêu cầu xác minh (checkpoint)");
  }

  void assertNoCookieInDatabaseFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("data").resolve("db"))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(f + " holds no cookie").doesNotContain(XS).doesNotContain("x3Y2Z0q7Rk1mNbVcPq9sLwEa");
    }
  }

  /**
   * A local site on 127.0.0.1 (random port) that records the Cookie header of each request. As the facebook.com
   * stand-in, "/" answers like Facebook: the home page with account controls for the known session, a redirect to
   * {@code /checkpoint/…} for a session to verify, the login page otherwise.
   */
  static final class StandIn implements AutoCloseable {
    final HttpServer server;
    final boolean facebook;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> cookies = new ConcurrentHashMap<>();

    StandIn(boolean facebook) {
      this.facebook = facebook;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.createContext("/", this::handle);
      server.start();
    }

    String authority() {
      return "127.0.0.1:" + server.getAddress().getPort();
    }

    String base() {
      return "http://" + authority();
    }

    Optional<String> cookieAt(String path) {
      return Optional.ofNullable(cookies.get(path));
    }

    private void handle(HttpExchange ex) throws IOException {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        String cookie = Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie")).orElse("");
        if (!cookie.isEmpty()) {
          cookies.put(path, cookie);
        }
        if (!facebook) {
          send(ex, 200, page("<article><h1>Hội nghị chuyển đổi số tỉnh Bắc Ninh</h1><p>Ngày đăng: 20/11/2026"
              + " 08:00</p><p>Sáng nay, tỉnh tổ chức hội nghị với 126 điểm cầu cấp xã.</p></article>"));
        } else if (path.startsWith("/checkpoint/")) {
          send(ex, 200, fixture("facebook-checkpoint-2026-11-20.html"));
        } else if (path.equals("/login")) {
          send(ex, 200, Files.readAllBytes(Path.of("src/test/resources/fixtures/capture/facebook-login-2026-11-20.html")));
        } else if (cookie.contains("c_user=100089765432101") && cookie.contains("xs=" + XS)) {
          send(ex, 200, fixture("facebook-home-logged-in-2026-11-20.html"));
        } else if (cookie.contains("xs=31%3Acheckpoint")) {
          ex.getResponseHeaders().add("Location", "/checkpoint/1501092823525282/?next=%2F");
          ex.sendResponseHeaders(302, -1);
        } else {
          ex.getResponseHeaders().add("Location", "/login?next=%2F");
          ex.sendResponseHeaders(302, -1);
        }
      }
    }

    private static byte[] page(String body) {
      return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo Bắc Ninh</title></head><body>"
          + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String name) throws IOException {
      try (InputStream in = StandIn.class.getResourceAsStream("/fixtures/sessions/" + name)) {
        return in.readAllBytes();
      }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
