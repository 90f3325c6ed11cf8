package vn.minhchung.review.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SessionStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  private final WebUser canbo = new WebUser(1L, "canbo", Role.REVIEWER);

  @Test
  void aFloodOfAnonymousSessionsIsBoundedAndNeverPushesOutASignedInOne() {
    SessionStore store = new SessionStore(Duration.ofHours(8));
    WebSession signedIn = store.create(canbo, NOW);
    WebSession firstAnonymous = store.create(null, NOW);
    for (int i = 0; i < 3 * SessionStore.MAX_ANONYMOUS; i++) {
      store.create(null, NOW);
    }
    assertThat(store.sizes()).containsExactly(1, SessionStore.MAX_ANONYMOUS);
    assertThat(store.get(signedIn.id(), NOW.plusSeconds(1))).containsSame(signedIn);
    assertThat(store.get(firstAnonymous.id(), NOW.plusSeconds(1))).isEmpty();
  }

  @Test
  void anAnonymousSessionLastsForTheLoginFormOnlyASignedInOneForTheTimeout() {
    SessionStore store = new SessionStore(Duration.ofHours(8));
    WebSession anonymous = store.create(null, NOW);
    WebSession signedIn = store.create(canbo, NOW);
    Instant later = NOW.plus(SessionStore.ANONYMOUS_TIMEOUT).plusSeconds(1);
    assertThat(store.get(anonymous.id(), later)).isEmpty();
    assertThat(store.get(signedIn.id(), later)).isPresent();
    assertThat(store.get(signedIn.id(), later.plus(Duration.ofHours(8)).plusSeconds(1))).isEmpty();
  }

  @Test
  void loginReplacesTheAnonymousSession() {
    SessionStore store = new SessionStore(Duration.ofHours(8));
    WebSession anonymous = store.create(null, NOW);
    WebSession signedIn = store.rotate(anonymous, canbo, NOW);
    assertThat(store.get(anonymous.id(), NOW)).isEmpty();
    assertThat(store.get(signedIn.id(), NOW)).map(WebSession::user).hasValue(canbo);
    assertThat(store.sizes()).containsExactly(1, 0);
  }
}
