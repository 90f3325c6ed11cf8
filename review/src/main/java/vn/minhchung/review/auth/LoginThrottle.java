package vn.minhchung.review.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code maxPerUser} failed logins for one user name, or {@code maxPerAddress}
 * from one address (higher, since a whole office may share one address), within {@code window}, further
 * attempts for that name or from that address are refused until the window has passed.
 */
public final class LoginThrottle {
  private final int maxPerUser;
  private final int maxPerAddress;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxPerUser, int maxPerAddress, Duration window) {
    this.maxPerUser = maxPerUser;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
  }

  public boolean blocked(String user, String address, Instant now) {
    return count("u:" + user, now) >= maxPerUser || count("a:" + address, now) >= maxPerAddress;
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
