package vn.minhchung.review.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code maxFailures} failed logins for one user name or from one address
 * within {@code window}, further attempts for that name or address are refused until the window has passed.
 */
public final class LoginThrottle {
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
  }

  public boolean blocked(String user, String address, Instant now) {
    return count("u:" + user, now) >= maxFailures || count("a:" + address, now) >= maxFailures;
  }

  public void failed(String user, String address, Instant now) {
    add("u:" + user, now);
    add("a:" + address, now);
  }

  public void succeeded(String user) {
    failures.remove("u:" + user);
  }

  private int count(String key, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst().plus(window).isBefore(now)) {
        d.pollFirst();
      }
      return d.size();
    }
  }

  private void add(String key, Instant now) {
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(now);
    }
  }
}
