package vn.minhchung.review.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

@Timeout(120)
class SessionStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  private final WebUser canbo = new WebUser(1L, "canbo", Role.REVIEWER);

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aFloodOfAnonymousSessionsIsBoundedAndNeverPushesOutASignedInOne(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      SessionStore store = new SessionStore(db, Duration.ofHours(8), SessionStore.ANONYMOUS_TIMEOUT, 50);
      WebSession signedIn = store.create(canbo, NOW);
      WebSession firstAnonymous = store.create(null, NOW);
      for (int i = 0; i < 3 * 50; i++) {
        store.create(null, NOW);
      }
      assertThat(store.sizes()).containsExactly(1, 50);
      assertThat(store.get(signedIn.id(), NOW.plusSeconds(1))).map(WebSession::user).hasValue(canbo);
      assertThat(store.get(firstAnonymous.id(), NOW.plusSeconds(1))).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void anAnonymousSessionLastsForTheLoginFormOnlyASignedInOneForTheTimeout(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      SessionStore store = new SessionStore(db, Duration.ofHours(8));
      WebSession anonymous = store.create(null, NOW);
      WebSession signedIn = store.create(canbo, NOW);
      Instant later = NOW.plus(SessionStore.ANONYMOUS_TIMEOUT).plusSeconds(1);
      assertThat(store.get(anonymous.id(), later)).isEmpty();
      assertThat(store.get(signedIn.id(), later)).isPresent();
      assertThat(store.get(signedIn.id(), later.plus(Duration.ofHours(8)).plusSeconds(1))).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void loginReplacesTheAnonymousSession(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      SessionStore store = new SessionStore(db, Duration.ofHours(8));
      WebSession anonymous = store.create(null, NOW);
      WebSession signedIn = store.rotate(anonymous, canbo, NOW);
      assertThat(store.get(anonymous.id(), NOW)).isEmpty();
      assertThat(store.get(signedIn.id(), NOW)).map(WebSession::user).hasValue(canbo);
      assertThat(store.sizes()).containsExactly(1, 0);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aSessionMadeOnOneNodeIsKnownToAnotherWithItsMessage(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      SessionStore nodeA = new SessionStore(db, Duration.ofHours(8));
      SessionStore nodeB = new SessionStore(db, Duration.ofHours(8));
      WebSession onA = nodeA.create(canbo, NOW);
      onA.flash("Đã duyệt minh chứng #12.");
      WebSession onB = nodeB.get(onA.id(), NOW.plusSeconds(5)).orElseThrow();
      assertThat(onB.user()).isEqualTo(canbo);
      assertThat(onB.csrf()).isEqualTo(onA.csrf());
      assertThat(onB.takeFlash()).isEqualTo("Đã duyệt minh chứng #12.");
      assertThat(nodeA.get(onA.id(), NOW.plusSeconds(6)).orElseThrow().takeFlash()).isNull();
      nodeB.removeUser("canbo");
      assertThat(nodeA.get(onA.id(), NOW.plusSeconds(7))).isEmpty();
      assertThat(nodeA.get("không-có-phiên-này", NOW)).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }
}
