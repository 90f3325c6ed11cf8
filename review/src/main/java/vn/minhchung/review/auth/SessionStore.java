package vn.minhchung.review.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions kept in memory on the server; the cookie carries only a random id. A session expires after
 * {@code timeout} without requests. Login replaces the session (a new id and CSRF token) so an id planted
 * before login is worthless afterwards.
 */
public final class SessionStore {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
  private final Duration timeout;

  public SessionStore(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  public WebSession create(WebUser user, Instant now) {
    purge(now);
    WebSession s = new WebSession(token(), token(), user, now);
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, touched; empty when unknown or expired (an expired one is removed). */
  public Optional<WebSession> get(String id, Instant now) {
    if (id == null) {
      return Optional.empty();
    }
    WebSession s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    if (s.lastAccess().plus(timeout).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    s.touch(now);
    return Optional.of(s);
  }

  /** Ends {@code old} (if any) and starts a signed-in session with fresh id and token. */
  public WebSession rotate(WebSession old, WebUser user, Instant now) {
    if (old != null) {
      sessions.remove(old.id());
    }
    return create(user, now);
  }

  /** Ends every session of this user (after the account is disabled). */
  public void removeUser(String name) {
    sessions.values().removeIf(s -> s.user() != null && s.user().name().equals(name));
  }

  public void remove(WebSession s) {
    sessions.remove(s.id());
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  public static boolean csrfMatches(WebSession s, String submitted) {
    return submitted != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
        submitted.getBytes(StandardCharsets.UTF_8));
  }

  private void purge(Instant now) {
    sessions.values().removeIf(s -> s.lastAccess().plus(timeout).isBefore(now));
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
