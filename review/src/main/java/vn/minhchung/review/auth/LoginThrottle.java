package vn.minhchung.review.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.SqlTimes;

/**
 * Limits password guessing: at most {@code maxPerUser} failed logins for one user name, and {@code maxPerAddress}
 * from one address (higher, since a whole office may share one address), per {@code window}; further attempts
 * are refused until the window has passed. The counts live in table {@code login_throttle}, so they hold across
 * nodes and restarts. {@link #reserve} counts an attempt as failed before its password is checked, under a row
 * lock, so parallel guesses cannot all pass the check; {@link #succeeded} gives the count back.
 */
public final class LoginThrottle {
  private final Database db;
  private final int maxPerUser;
  private final int maxPerAddress;
  private final Duration window;

  /** What {@link #reserve} decided. */
  public sealed interface Decision permits Allowed, Blocked {}

  /** The password may be checked; the attempt is already counted as failed. */
  public record Allowed() implements Decision {}

  /**
   * Refused until {@code until}. {@code firstInWindow} is true for the first refusal of the window only: that one
   * is audited, the others are counted in {@code login_throttle.refused}.
   */
  public record Blocked(Instant until, boolean firstInWindow, String reason) implements Decision {}

  public LoginThrottle(Database db, int maxPerUser, int maxPerAddress, Duration window) {
    this.db = db;
    this.maxPerUser = maxPerUser;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
  }

  /** Counts an attempt for this name and address, or refuses it when either is at its limit. */
  public Decision reserve(String user, String address, Instant now) {
    return db.inTransaction(s -> {
      // Always user before address: two transactions lock the rows in the same order and cannot deadlock.
      Row u = lock(s, "u:" + user, now);
      Row a = lock(s, "a:" + address, now);
      Optional<Row> full = u.failures >= maxPerUser ? Optional.of(u)
          : a.failures >= maxPerAddress ? Optional.of(a) : Optional.empty();
      if (full.isPresent()) {
        Row r = full.get();
        boolean first = r.reportedAt == null;
        s.createNativeMutationQuery("update login_throttle set refused = refused + 1, reported_at = coalesce(reported_at, :now)"
                + " where throttle_key = :k").setParameter("now", now).setParameter("k", r.key).executeUpdate();
        return new Blocked(r.windowStart.plus(window), first, r == u ? "user" : "address");
      }
      s.createNativeMutationQuery("update login_throttle set failures = failures + 1 where throttle_key in (:k)")
          .setParameterList("k", List.of(u.key, a.key)).executeUpdate();
      return new Allowed();
    });
  }

  /** The password was right: the name's failures are forgotten and the address gets its attempt back. */
  public void succeeded(String user, String address) {
    db.runInTransaction(s -> {
      s.createNativeMutationQuery("delete from login_throttle where throttle_key = :k").setParameter("k", "u:" + user)
          .executeUpdate();
      s.createNativeMutationQuery("update login_throttle set failures = failures - 1 where throttle_key = :k"
          + " and failures > 0").setParameter("k", "a:" + address).executeUpdate();
    });
  }

  private record Row(String key, Instant windowStart, int failures, Instant reportedAt) {}

  /** The key's row, locked for this transaction; a new window when there was none or the last one has passed. */
  private Row lock(Session s, String key, Instant now) {
    s.createNativeMutationQuery("insert into login_throttle (throttle_key, window_start, failures, refused)"
        + " values (:k, :now, 0, 0) on conflict do nothing").setParameter("k", key).setParameter("now", now).executeUpdate();
    Object[] r = s.createNativeQuery("select window_start, failures, reported_at from login_throttle"
        + " where throttle_key = :k for update", Object[].class).setParameter("k", key).getSingleResult();
    Instant start = SqlTimes.instant(r[0]);
    if (!start.plus(window).isAfter(now)) {
      s.createNativeMutationQuery("update login_throttle set window_start = :now, failures = 0, refused = 0,"
          + " reported_at = null where throttle_key = :k").setParameter("now", now).setParameter("k", key).executeUpdate();
      return new Row(key, now, 0, null);
    }
    return new Row(key, start, ((Number) r[1]).intValue(), r[2] == null ? null : SqlTimes.instant(r[2]));
  }

}
