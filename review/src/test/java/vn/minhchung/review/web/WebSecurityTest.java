package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;

/** Sessions, CSRF, headers, escaping and role checks over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {
  @TempDir static Path tmp;
  TestServer server;

  @BeforeAll
  void start() {
    server = new TestServer(tmp);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void anonymousVisitorIsSentToTheLoginPage() {
    HttpResponse<String> r = new Browser(server).get("/evidence");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void loginRotatesTheSessionIdAndSetsAStrictHttpOnlyCookie() {
    Browser b = new Browser(server);
    HttpResponse<String> form = b.get("/login");
    String before = b.sessionId();
    assertThat(form.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
    HttpResponse<String> r = b.post("/login", Map.of("username", "canbo", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(b.sessionId()).isNotNull().isNotEqualTo(before);
    assertThat(b.get("/").body()).contains("canbo · Cán bộ rà soát");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    HttpResponse<String> r = new Browser(server).get("/login");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(r.body()).doesNotContain("<script>").contains("<script src=\"/static/app.js\" defer></script>");
  }

  @Test
  void wrongPasswordIsRefusedAuditedAndThrottledAfterFiveAttempts() {
    Browser b = new Browser(server);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = b.login("quantri", "sai-mat-khau");
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    HttpResponse<String> blocked = b.login("quantri", TestServer.PASSWORD);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.body()).contains("Đăng nhập sai quá nhiều lần");
    List<AuditEvent> events = server.db.inTransaction(AuditLog::all);
    assertThat(events).filteredOn(e -> e.getAction().equals("login.failure") && "quantri".equals(e.getActor())).hasSize(5);
    assertThat(events).anyMatch(e -> e.getAction().equals("login.blocked"));
    server.clock.advance(Duration.ofMinutes(16));
  }

  @Test
  void postWithoutOrWithAWrongCsrfTokenIsForbidden() {
    Browser b = Browser.loggedIn(server, "canbo");
    long id = server.id("clip4");
    HttpResponse<String> missing = b.postRaw("/evidence/" + id + "/review", Map.of("decision", "approve"));
    HttpResponse<String> wrong = b.postRaw("/evidence/" + id + "/review", Map.of("decision", "approve", "_csrf", "gia-mao"));
    HttpResponse<String> otherSession = b.postRaw("/evidence/" + id + "/review",
        Map.of("decision", "approve", "_csrf", Browser.loggedIn(server, "quantri").csrf));
    assertThat(List.of(missing.statusCode(), wrong.statusCode(), otherSession.statusCode())).containsOnly(403);
    assertThat(missing.body()).contains("thiếu mã CSRF");
    assertThat(status(id)).isEqualTo("pending");
  }

  @Test
  void loginFormWithoutCsrfIsForbidden() {
    HttpResponse<String> r = new Browser(server).postRaw("/login", Map.of("username", "canbo", "password", TestServer.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void scriptInPostTextIsShownAsText() {
    Browser b = Browser.loggedIn(server, "xem");
    String detail = b.get("/evidence/" + server.id("pending-fb")).body();
    assertThat(detail).contains("&lt;script&gt;alert('xss')&lt;/script&gt;").doesNotContain("<script>alert(");
    assertThat(detail).contains("&lt;b&gt;đậm&lt;/b&gt;");
    String queue = b.get("/evidence?q=binh+luan").body();
    assertThat(queue).contains("&lt;script&gt;").doesNotContain("<script>alert(");
  }

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
      "xem, POST, /evidence/{clip4}/review, 403",
      "xem, POST, /evidence/{clip4}/links, 403",
      "xem, POST, /evidence/{clip4}/recapture, 403",
      "xem, POST, /evidence/bulk, 403",
      "xem, GET, /upload, 403",
      "xem, POST, /channels, 403",
      "xem, POST, /channels/1/harvest, 403",
      "xem, GET, /channels/new, 403",
      "canbo, GET, /channels/new, 403",
      "canbo, POST, /channels, 403",
      "canbo, POST, /channels/1/active, 403",
      "canbo, GET, /channels/1/edit, 403",
      "quantri, GET, /channels/new, 200",
      "quantri, GET, /users, 200",
      "canbo, GET, /users, 403",
      "canbo, POST, /users, 403",
      "xem, POST, /users/1/active, 403",
      "canbo, GET, /upload, 200",
      "xem, GET, /, 200",
      "xem, GET, /evidence, 200",
      "xem, GET, /audit, 403",
      "canbo, GET, /audit, 403",
      "quantri, GET, /audit, 200",
      "xem, GET, /channels/1, 200"})
  void rolesAreCheckedOnEveryUrl(String user, String method, String path, int expected) {
    Browser b = Browser.loggedIn(server, user);
    String p = path.replace("{clip4}", Long.toString(server.id("clip4")));
    HttpResponse<String> r = method.equals("GET") ? b.get(p) : b.post(p, Map.of("decision", "approve", "item", "1"));
    assertThat(r.statusCode()).isEqualTo(expected);
    if (expected == 403) {
      assertThat(r.body()).contains("Bạn không có quyền thực hiện thao tác này.");
    }
  }

  @Test
  void viewerSeesNoReviewButtons() {
    String body = Browser.loggedIn(server, "xem").get("/evidence/" + server.id("clip4")).body();
    assertThat(body).doesNotContain("name=\"decision\"").doesNotContain("Lưu liên kết").doesNotContain("Chụp lại</button>");
  }

  @Test
  void reviewerApprovesAndTheChangeIsAuditedWithBeforeAndAfter() {
    Browser b = Browser.loggedIn(server, "canbo");
    long id = server.id("fb-luat");
    b.get("/evidence/" + id);
    HttpResponse<String> r = b.post("/evidence/" + id + "/review", Map.of("decision", "approve", "reason", "Đúng nội dung Luật"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(status(id)).isEqualTo("approved");
    AuditEvent e = server.db.inTransaction(s -> AuditLog.all(s).stream()
        .filter(a -> a.getAction().equals("evidence.approve") && a.getEntityId().equals(Long.toString(id))).findFirst().orElseThrow());
    assertThat(e.getActor()).isEqualTo("canbo");
    assertThat(e.getBeforeJson()).contains("\"status\":\"pending\"");
    assertThat(e.getAfterJson()).contains("\"status\":\"approved\"").contains("Đúng nội dung Luật");
  }

  @Test
  void rejectingNeedsAReason() {
    Browser b = Browser.loggedIn(server, "canbo");
    long id = server.id("stp-luat");
    b.get("/evidence/" + id);
    HttpResponse<String> r = b.post("/evidence/" + id + "/review", Map.of("decision", "reject", "reason", "  "));
    assertThat(status(id)).isEqualTo("pending");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("<div class=\"flash flash-error\" role=\"alert\">Cần ghi lý do khi từ chối minh chứng")
        .doesNotContain("role=\"status\"");
  }

  @Test
  void sessionExpiresAfterTheTimeout() {
    Browser b = Browser.loggedIn(server, "xem");
    assertThat(b.get("/").statusCode()).isEqualTo(200);
    server.clock.advance(Duration.ofMinutes(31));
    HttpResponse<String> r = b.get("/");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void screenshotIsServedFromTheBlobStoreAsPng() {
    Browser b = Browser.loggedIn(server, "xem");
    String sha = server.db.inTransaction(s -> s.find(vn.minhchung.storage.evidence.Evidence.class, server.id("clip1"))
        .getCapture().getScreenshotSha());
    HttpResponse<byte[]> r = b.getBytes("/blobs/" + sha);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(new String(r.body(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(b.getBytes("/blobs/../../etc/passwd").statusCode()).isIn(400, 404);
    assertThat(b.getBytes("/blobs/" + "0".repeat(64)).statusCode()).isEqualTo(404);
  }

  @Test
  void harvestNowAndCaptureAgainReachTheHarvester() {
    Browser b = Browser.loggedIn(server, "canbo");
    long channel = server.fixture.channels.get("FB-TTBN").getId();
    b.get("/channels/" + channel);
    assertThat(b.post("/channels/" + channel + "/harvest", Map.of()).statusCode()).isEqualTo(303);
    b.get("/evidence/" + server.id("clip2"));
    assertThat(b.post("/evidence/" + server.id("clip2") + "/recapture", Map.of()).statusCode()).isEqualTo(303);
    assertThat(server.harvested).contains("FB-TTBN");
    assertThat(server.recaptured).contains(server.id("clip2"));
  }

  @Test
  void adminAddsAUserAndLockingItEndsItsSession() {
    Browser admin = Browser.loggedIn(server, "quantri");
    admin.get("/users");
    HttpResponse<String> mismatch = admin.post("/users", Map.of("username", "nguoimoi", "role", "reviewer",
        "password", "Mat-khau-moi-2026", "password2", "khac-nhau-2026"));
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(mismatch.body()).contains("Hai lần nhập mật khẩu không khớp.");
    HttpResponse<String> created = admin.post("/users", Map.of("username", "nguoimoi", "role", "reviewer",
        "password", "Mat-khau-moi-2026", "password2", "Mat-khau-moi-2026"));
    assertThat(created.statusCode()).isEqualTo(303);

    Browser user = new Browser(server);
    assertThat(user.login("nguoimoi", "Mat-khau-moi-2026").statusCode()).isEqualTo(303);
    assertThat(user.get("/").statusCode()).isEqualTo(200);
    long id = server.db.inTransaction(s -> vn.minhchung.review.auth.Users.find(s, "nguoimoi").orElseThrow().getId());
    admin.get("/users");
    assertThat(admin.post("/users/" + id + "/active", Map.of()).statusCode()).isEqualTo(303);
    assertThat(user.get("/").statusCode()).isEqualTo(303);
    assertThat(user.login("nguoimoi", "Mat-khau-moi-2026").statusCode()).isEqualTo(401);
    assertThat(server.db.inTransaction(AuditLog::all)).anyMatch(e -> e.getAction().equals("user.disable")
        && e.getActor().equals("quantri") && e.getEntityId().equals("nguoimoi"));
  }

  private String status(long id) {
    return server.db.inTransaction(s -> s.find(vn.minhchung.storage.evidence.Evidence.class, id).getStatus());
  }
}
