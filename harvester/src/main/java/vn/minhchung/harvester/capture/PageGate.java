package vn.minhchung.harvester.capture;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.http.Sleeper;

/**
 * Politeness of browser page loads per platform: every load of a Facebook, YouTube or Zalo page (the host of
 * {@code platforms.<p>.pageBaseUrl}, with its subdomains when it starts with {@code www.}) goes through the
 * platform's lane, one load at a time, and waits {@code platforms.<p>.pageGapSeconds} (randomised ±30 %) after
 * the previous load of that platform ended. Other pages pass straight through. {@link CaptureService} sends every
 * render and capture through it, so a platform reader gets the gap without doing anything.
 */
public final class PageGate implements AutoCloseable {
  static final List<String> PLATFORMS = List.of("facebook", "youtube", "zalo");

  private final List<Lane> lanes;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Duration maxLoad;
  private volatile boolean closed;

  /** One platform's lane: its origin, its gap, and the single thread its loads wait on. */
  private static final class Lane {
    final String platform;
    final URI base;
    final Duration gap;
    final ExecutorService thread;
    Instant lastEnd;

    Lane(String platform, URI base, Duration gap) {
      this.platform = platform;
      this.base = base;
      this.gap = gap;
      this.thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "page-gate-" + platform);
        t.setDaemon(true);
        return t;
      });
    }
  }

  /**
   * {@code maxLoad}: how long a lane waits for one load to finish (the browser pool's watchdog ends a hung load
   * sooner; this only keeps the lane from waiting forever).
   */
  PageGate(List<Lane> lanes, Sleeper sleeper, Clock clock, DoubleSupplier random, Duration maxLoad) {
    this.lanes = List.copyOf(lanes);
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.maxLoad = maxLoad;
  }

  /** The lanes of the settings; a negative gap is refused naming its key. */
  public static PageGate of(Settings s, Sleeper sleeper, Clock clock, DoubleSupplier random, Duration maxLoad) {
    List<Lane> lanes = new ArrayList<>();
    for (String p : PLATFORMS) {
      String key = "platforms." + p + ".pageGapSeconds";
      long seconds = s.integer(key);
      if (seconds < 0) {
        throw new IllegalArgumentException(key + ": expected a number of seconds >= 0 but was " + seconds
            + "; set 0 for no gap between page loads of " + p);
      }
      lanes.add(new Lane(p, s.uri("platforms." + p + ".pageBaseUrl").orElseThrow(), Duration.ofSeconds(seconds)));
    }
    return new PageGate(lanes, sleeper, clock, random, maxLoad);
  }

  /** The platform whose lane a URL takes, or empty for other sites. */
  public Optional<String> platformOf(URI url) {
    return lane(url).map(l -> l.platform);
  }

  /** The gap before the next load of a platform (the setting), for messages and tests. */
  public Optional<Duration> gap(String platform) {
    return lanes.stream().filter(l -> l.platform.equals(platform)).findFirst().map(l -> l.gap);
  }

  /**
   * Starts {@code load} when the URL's platform lane allows (after the previous load of the platform ended and the
   * gap passed); other URLs start at once. The returned future completes with the load's result.
   */
  public <T> CompletableFuture<T> through(URI url, Supplier<CompletableFuture<T>> load) {
    Optional<Lane> lane = lane(url);
    if (lane.isEmpty()) {
      return load.get();
    }
    Lane l = lane.get();
    return CompletableFuture.supplyAsync(() -> {
      waitTurn(l);
      long deadline = System.nanoTime() + maxLoad.toNanos();
      try {
        CompletableFuture<T> f = load.get();
        while (true) {
          try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            // The lane's own thread: only close() may stop it; the load keeps its watchdog and the deadline.
            if (closed) {
              throw new CompletionException(e);
            }
          }
        }
      } catch (ExecutionException e) {
        throw new CompletionException(e.getCause());
      } catch (TimeoutException e) {
        throw new CompletionException(new IllegalStateException("the load of " + url + " did not end within "
            + maxLoad.toSeconds() + " s", e));
      } finally {
        l.lastEnd = clock.instant();
      }
    }, l.thread);
  }

  private void waitTurn(Lane l) {
    if (l.lastEnd == null || l.gap.isZero()) {
      return;
    }
    double factor = 0.7 + 0.6 * random.getAsDouble();
    Duration gap = Duration.ofMillis(Math.round(l.gap.toMillis() * factor));
    Duration wait = Duration.between(clock.instant(), l.lastEnd.plus(gap));
    // The wait is measured once against the clock and then counted on the monotonic timer: a clock that does not
    // move (a fixed clock, a stepped one) must not keep a lane waiting for ever.
    long end = System.nanoTime() + Math.max(0, wait.toNanos());
    while (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait);
        return;
      } catch (InterruptedException e) {
        if (closed) {
          throw new CompletionException(e);
        }
      }
      wait = Duration.ofNanos(end - System.nanoTime());
    }
  }

  private Optional<Lane> lane(URI url) {
    if (url.getHost() == null) {
      return Optional.empty();
    }
    String host = url.getHost().toLowerCase(Locale.ROOT);
    for (Lane l : lanes) {
      String base = l.base.getHost().toLowerCase(Locale.ROOT);
      boolean sameHost = host.equals(base)
          || base.startsWith("www.") && (host.equals(base.substring(4)) || host.endsWith("." + base.substring(4)));
      if (sameHost && port(url) == port(l.base)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
  }

  @Override
  public void close() {
    closed = true;
    lanes.forEach(l -> l.thread.shutdownNow());
  }
}
