package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;

/** Login throttling, name and password limits, the audit page and the Secure cookie, over real HTTP. */
@Timeout(120)
class LoginHardeningTest {
  @TempDir Path tmp;

  @Test
  void sixteenParallelWrongGuessesGetAtMostFivePasswordChecksAndOneBlockedEvent() throws Exception {
    int guesses = 16;
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    try (TestServer server = new TestServer(tmp)) {
      List<Browser> browsers = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        Browser b = new Browser(server);
        b.get("/login");
        browsers.add(b);
      }
      CyclicBarrier together = new CyclicBarrier(guesses);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (Browser b : browsers) {
        statuses.add(pool.submit(() -> {
          together.await(20, TimeUnit.SECONDS);
          return b.post("/login", Map.of("username", "quantri", "password", "doan-mo-" + b.hashCode())).statusCode();
        }));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> f : statuses) {
        codes.add(f.get(100, TimeUnit.SECONDS));
      }
      assertThat(codes).filteredOn(c -> c == 401).hasSize(5);
      assertThat(codes).filteredOn(c -> c == 429).hasSize(guesses - 5);
      List<AuditEvent> events = server.db.inTransaction(AuditLog::all);
      assertThat(events).filteredOn(e -> e.getAction().equals("login.failure")).hasSize(5);
      assertThat(events).filteredOn(e -> e.getAction().equals("login.blocked")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOverLongNameIsRefusedBeforeAnyWorkAndAnOverLongPasswordIsAWrongOne() {
    try (TestServer server = new TestServer(tmp)) {
      Browser b = new Browser(server);
      long eventsBefore = server.db.inTransaction(AuditLog::all).size();
      HttpResponse<String> longName = b.login("a".repeat(101), "Mat-khau-bat-ky");
      assertThat(longName.statusCode()).isEqualTo(400);
      assertThat(longName.body()).contains("Tên đăng nhập quá dài (tối đa 100 ký tự).");
      assertThat(server.db.inTransaction(AuditLog::all)).hasSize((int) eventsBefore);
      long throttleRows = server.db.inTransaction(s -> s.createNativeQuery("select count(*) from login_throttle",
          Long.class).getSingleResult());
      assertThat(throttleRows).isZero();

      HttpResponse<String> longPassword = b.login("canbo", "ệ".repeat(40));
      assertThat(longPassword.statusCode()).isEqualTo(401);
      assertThat(longPassword.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
  }

  @Test
  void theUsersPageRefusesAWeakPasswordSayingWhy() {
    try (TestServer server = new TestServer(tmp)) {
      Browser admin = Browser.loggedIn(server, "quantri");
      admin.get("/users");
      HttpResponse<String> r = admin.post("/users", Map.of("username", "canbo2", "role", "reviewer",
          "password", "MatKhau@123", "password2", "MatKhau@123"));
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).contains("Không tạo được người dùng: Mật khẩu này quá phổ biến, dễ bị đoán");
    }
  }

  @Test
  void onlyAdministratorsSeeTheAuditLog() {
    try (TestServer server = new TestServer(tmp)) {
      Browser reviewer = Browser.loggedIn(server, "canbo");
      assertThat(reviewer.get("/audit").statusCode()).isEqualTo(403);
      assertThat(reviewer.get("/").body()).doesNotContain("href=\"/audit\"");
      Browser admin = Browser.loggedIn(server, "quantri");
      assertThat(admin.get("/audit").statusCode()).isEqualTo(200);
      assertThat(admin.get("/").body()).contains("href=\"/audit\"");
    }
  }

  @Test
  void theSessionCookieIsSecureWhenThePublicAddressIsHttps() {
    try (TestServer plain = new TestServer(tmp.resolve("http"))) {
      assertThat(new Browser(plain).get("/login").headers().firstValue("Set-Cookie").orElseThrow())
          .doesNotContain("Secure");
    }
    try (TestServer https = new TestServer(tmp.resolve("https"), Optional.empty(), true)) {
      assertThat(new Browser(https).get("/login").headers().firstValue("Set-Cookie").orElseThrow())
          .contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
    }
  }
}
