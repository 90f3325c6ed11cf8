package vn.minhchung.review.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

@Timeout(120)
class LoginThrottleTest {
  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void parallelGuessesForOneNameGetAtMostTheLimitChecked(DatabaseTarget target) throws Exception {
    int guesses = 16;
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    try (Database db = TestDatabases.open(target)) {
      LoginThrottle throttle = new LoginThrottle(db, 5, 30, WINDOW);
      CyclicBarrier together = new CyclicBarrier(guesses);
      List<Future<LoginThrottle.Decision>> decisions = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        String address = "203.0.113." + i;
        decisions.add(pool.submit(() -> {
          together.await(20, TimeUnit.SECONDS);
          return throttle.reserve("quantri", address, NOW);
        }));
      }
      int allowed = 0;
      int auditedRefusals = 0;
      for (Future<LoginThrottle.Decision> f : decisions) {
        LoginThrottle.Decision d = f.get(60, TimeUnit.SECONDS);
        if (d instanceof LoginThrottle.Allowed) {
          allowed++;
        } else if (((LoginThrottle.Blocked) d).firstInWindow()) {
          auditedRefusals++;
        }
      }
      assertThat(allowed).isEqualTo(5);
      assertThat(auditedRefusals).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aBlockHoldsForANewThrottleOnTheSameDatabaseUntilTheWindowEnds(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      LoginThrottle first = new LoginThrottle(db, 5, 30, WINDOW);
      for (int i = 0; i < 5; i++) {
        assertThat(first.reserve("canbo", "198.51.100.7", NOW.plusSeconds(i))).isInstanceOf(LoginThrottle.Allowed.class);
      }
      LoginThrottle afterRestart = new LoginThrottle(db, 5, 30, WINDOW);
      assertThat(afterRestart.reserve("canbo", "198.51.100.8", NOW.plusSeconds(60)))
          .isEqualTo(new LoginThrottle.Blocked(NOW.plus(WINDOW), true, "user"));
      assertThat(afterRestart.reserve("canbo", "198.51.100.8", NOW.plusSeconds(61)))
          .isEqualTo(new LoginThrottle.Blocked(NOW.plus(WINDOW), false, "user"));
      assertThat(afterRestart.reserve("canbo", "198.51.100.8", NOW.plus(WINDOW).plusSeconds(1)))
          .isInstanceOf(LoginThrottle.Allowed.class);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void limitsOneAddressTryingManyNamesAndForgetsANameAfterASuccess(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      LoginThrottle throttle = new LoginThrottle(db, 5, 30, WINDOW);
      for (int i = 0; i < 30; i++) {
        assertThat(throttle.reserve("ten" + i, "192.0.2.50", NOW)).isInstanceOf(LoginThrottle.Allowed.class);
      }
      assertThat(throttle.reserve("ten-moi", "192.0.2.50", NOW))
          .isEqualTo(new LoginThrottle.Blocked(NOW.plus(WINDOW), true, "address"));

      for (int i = 0; i < 4; i++) {
        throttle.reserve("xem", "192.0.2.60", NOW);
      }
      throttle.succeeded("xem", "192.0.2.60");
      for (int i = 0; i < 5; i++) {
        assertThat(throttle.reserve("xem", "192.0.2.61", NOW)).isInstanceOf(LoginThrottle.Allowed.class);
      }
    } finally {
      TestDatabases.drop(target);
    }
  }
}
