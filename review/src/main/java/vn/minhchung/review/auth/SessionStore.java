package vn.minhchung.review.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions kept in memory on the server; the cookie carries only a random id. A signed-in session expires after
 * {@code timeout} without requests. Login replaces the session (a new id and CSRF token) so an id planted
 * before login is worthless afterwards.
 *
 * <p>Anonymous sessions exist only to carry the CSRF token of the login form. Anyone can make them, so they live
 * apart: at most {@code maxAnonymous} (the oldest is dropped first, in constant time) for at most
 * {@code anonymousTimeout}. Expired signed-in sessions are swept at most once a minute, not on every request.
 */
public final class SessionStore {
  /** Anonymous sessions kept at most; a flood of login-page requests drops the oldest ones. */
  public static final int MAX_ANONYMOUS = 10_000;
  /** How long the login form stays usable without a request. */
  public static final Duration ANONYMOUS_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  private final Map<String, WebSession> signedIn = new ConcurrentHashMap<>();
  private final Map<String, WebSession> anonymous;
  private final Duration timeout;
  private final Duration anonymousTimeout;
  private volatile Instant nextSweep = Instant.MIN;

  public SessionStore(Duration timeout) {
    this(timeout, ANONYMOUS_TIMEOUT, MAX_ANONYMOUS);
  }

  SessionStore(Duration timeout, Duration anonymousTimeout, int maxAnonymous) {
    this.timeout = timeout;
    this.anonymousTimeout = anonymousTimeout.compareTo(timeout) < 0 ? anonymousTimeout : timeout;
    this.anonymous = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, WebSession> eldest) {
        return size() > maxAnonymous;
      }
    };
  }

  public Duration timeout() {
    return timeout;
  }

  /** A new session: signed in for {@code user}, or an anonymous one for the login form when {@code user} is null. */
  public WebSession create(WebUser user, Instant now) {
    WebSession s = new WebSession(token(), token(), user, now);
    if (user == null) {
      synchronized (anonymous) {
        anonymous.put(s.id(), s);
      }
    } else {
      sweep(now);
      signedIn.put(s.id(), s);
    }
    return s;
  }

  /** The live session with this id, touched; empty when unknown or expired (an expired one is removed). */
  public Optional<WebSession> get(String id, Instant now) {
    if (id == null) {
      return Optional.empty();
    }
    WebSession s = signedIn.get(id);
    if (s != null) {
      if (expired(s, timeout, now)) {
        signedIn.remove(id);
        return Optional.empty();
      }
      s.touch(now);
      return Optional.of(s);
    }
    synchronized (anonymous) {
      s = anonymous.get(id);
      if (s == null) {
        return Optional.empty();
      }
      if (expired(s, anonymousTimeout, now)) {
        anonymous.remove(id);
        return Optional.empty();
      }
    }
    s.touch(now);
    return Optional.of(s);
  }

  /** Ends {@code old} (if any) and starts a signed-in session with fresh id and token. */
  public WebSession rotate(WebSession old, WebUser user, Instant now) {
    if (old != null) {
      remove(old);
    }
    return create(user, now);
  }

  /** Ends every session of this user (after the account is disabled). */
  public void removeUser(String name) {
    signedIn.values().removeIf(s -> s.user().name().equals(name));
  }

  public void remove(WebSession s) {
    if (signedIn.remove(s.id()) == null) {
      synchronized (anonymous) {
        anonymous.remove(s.id());
      }
    }
  }

  /** Sessions held: signed in, anonymous. */
  int[] sizes() {
    synchronized (anonymous) {
      return new int[] {signedIn.size(), anonymous.size()};
    }
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  public static boolean csrfMatches(WebSession s, String submitted) {
    return submitted != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
        submitted.getBytes(StandardCharsets.UTF_8));
  }

  private void sweep(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    signedIn.values().removeIf(s -> expired(s, timeout, now));
    synchronized (anonymous) {
      anonymous.values().removeIf(s -> expired(s, anonymousTimeout, now));
    }
  }

  private static boolean expired(WebSession s, Duration timeout, Instant now) {
    return s.lastAccess().plus(timeout).isBefore(now);
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
