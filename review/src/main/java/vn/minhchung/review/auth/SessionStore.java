package vn.minhchung.review.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.SqlTimes;

/**
 * Sessions in table {@code web_session}, shared by every node behind the reverse proxy; the cookie carries only a
 * random id and the table only its SHA-256. A signed-in session expires after {@code timeout} without requests
 * (the last access is written at most once a minute, not on every request). Login replaces the session (a new id
 * and CSRF token) so an id planted before login is worthless afterwards.
 *
 * <p>Anonymous sessions exist only to carry the CSRF token of the login form. Anyone can make them, so each new
 * one drops the oldest past {@code maxAnonymous}, and they last {@code anonymousTimeout}. Expired sessions are
 * swept at most once a minute per node.
 */
public final class SessionStore {
  /** Anonymous sessions kept at most; a flood of login-page requests drops the oldest ones. */
  public static final int MAX_ANONYMOUS = 10_000;
  /** How long the login form stays usable without a request. */
  public static final Duration ANONYMOUS_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  private final Database db;
  private final Duration timeout;
  private final Duration anonymousTimeout;
  private final int maxAnonymous;
  private volatile Instant nextSweep = Instant.MIN;

  public SessionStore(Database db, Duration timeout) {
    this(db, timeout, ANONYMOUS_TIMEOUT, MAX_ANONYMOUS);
  }

  SessionStore(Database db, Duration timeout, Duration anonymousTimeout, int maxAnonymous) {
    this.db = db;
    this.timeout = timeout;
    this.anonymousTimeout = anonymousTimeout.compareTo(timeout) < 0 ? anonymousTimeout : timeout;
    this.maxAnonymous = maxAnonymous;
  }

  public Duration timeout() {
    return timeout;
  }

  /** A new session: signed in for {@code user}, or an anonymous one for the login form when {@code user} is null. */
  public WebSession create(WebUser user, Instant now) {
    sweep(now);
    String id = token();
    String csrf = token();
    db.runInTransaction(s -> {
      s.createNativeMutationQuery("insert into web_session (id_sha256, csrf, user_id, user_name, user_role,"
              + " created_at, last_access_at) values (:id, :csrf, :uid, :name, :role, :now, :now)")
          .setParameter("id", sha256(id)).setParameter("csrf", csrf)
          .setParameter("uid", user == null ? null : user.id(), Long.class)
          .setParameter("name", user == null ? null : user.name(), String.class)
          .setParameter("role", user == null ? null : user.role().code(), String.class)
          .setParameter("now", now).executeUpdate();
      if (user == null) {
        // Drops the anonymous sessions older than the newest maxAnonymous ones.
        List<Long> edge = s.createNativeQuery("select seq from web_session where user_name is null"
            + " order by seq desc offset :max rows fetch next 1 rows only", Long.class)
            .setParameter("max", maxAnonymous).getResultList();
        if (!edge.isEmpty()) {
          s.createNativeMutationQuery("delete from web_session where user_name is null and seq <= :edge")
              .setParameter("edge", edge.get(0)).executeUpdate();
        }
      }
    });
    return new WebSession(this, id, csrf, user, now, null);
  }

  /** The live session with this id; empty when unknown or expired (an expired one is removed). */
  public Optional<WebSession> get(String id, Instant now) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    String key = sha256(id);
    return db.inTransaction(s -> {
      List<Object[]> rows = s.createNativeQuery("select csrf, user_id, user_name, user_role, last_access_at, flash"
          + " from web_session where id_sha256 = :id", Object[].class).setParameter("id", key).getResultList();
      if (rows.isEmpty()) {
        return Optional.<WebSession>empty();
      }
      Object[] r = rows.get(0);
      WebUser user = r[2] == null ? null : new WebUser(((Number) r[1]).longValue(), (String) r[2],
          Role.fromCode((String) r[3]).orElse(Role.VIEWER));
      Instant last = SqlTimes.instant(r[4]);
      if (last.plus(user == null ? anonymousTimeout : timeout).isBefore(now)) {
        s.createNativeMutationQuery("delete from web_session where id_sha256 = :id").setParameter("id", key)
            .executeUpdate();
        return Optional.<WebSession>empty();
      }
      if (!last.plus(TOUCH_EVERY).isAfter(now)) {
        s.createNativeMutationQuery("update web_session set last_access_at = :now where id_sha256 = :id")
            .setParameter("now", now).setParameter("id", key).executeUpdate();
        last = now;
      }
      return Optional.of(new WebSession(this, id, (String) r[0], user, last, (String) r[5]));
    });
  }

  /** Ends {@code old} (if any) and starts a signed-in session with fresh id and token. */
  public WebSession rotate(WebSession old, WebUser user, Instant now) {
    if (old != null) {
      remove(old);
    }
    return create(user, now);
  }

  /** Ends every session of this user (after the account is disabled), on every node. */
  public void removeUser(String name) {
    db.runInTransaction(s -> s.createNativeMutationQuery("delete from web_session where user_name = :n")
        .setParameter("n", name).executeUpdate());
  }

  public void remove(WebSession session) {
    db.runInTransaction(s -> s.createNativeMutationQuery("delete from web_session where id_sha256 = :id")
        .setParameter("id", sha256(session.id())).executeUpdate());
  }

  /** Sessions held: signed in, anonymous. */
  int[] sizes() {
    return db.inTransaction(s -> new int[] {
        s.createNativeQuery("select count(*) from web_session where user_name is not null", Long.class)
            .getSingleResult().intValue(),
        s.createNativeQuery("select count(*) from web_session where user_name is null", Long.class)
            .getSingleResult().intValue()});
  }

  /** Keeps (or, with null, clears) the one-shot message of a session. */
  void flash(WebSession session, String message) {
    db.runInTransaction(s -> s.createNativeMutationQuery("update web_session set flash = :f where id_sha256 = :id")
        .setParameter("f", message, String.class).setParameter("id", sha256(session.id())).executeUpdate());
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
    db.runInTransaction(s -> s.createNativeMutationQuery("delete from web_session where"
            + " (user_name is not null and last_access_at < :signedIn) or (user_name is null and last_access_at < :anon)")
        .setParameter("signedIn", now.minus(timeout)).setParameter("anon", now.minus(anonymousTimeout)).executeUpdate());
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String sha256(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
