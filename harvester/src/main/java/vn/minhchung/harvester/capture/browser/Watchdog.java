package vn.minhchung.harvester.capture.browser;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends browser work that passes its deadline, from outside the worker: a Playwright call waits for its reply
 * without a timeout of its own (e.g. {@code BrowserContext.newPage()}), and a worker blocked in one cannot
 * time itself out. When a task passes {@code hungAfter} the browser's process tree is killed, which makes the
 * blocked call fail; if the worker is still inside the task 5 s later (seen on a loaded machine: the call waits
 * on the driver, not the browser), the Playwright driver is killed too, which fails any call waiting on it.
 */
final class Watchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

  private final Duration hungAfter;
  private final Duration grace;
  private final ScheduledExecutorService timer;

  Watchdog(Duration hungAfter) {
    this.hungAfter = hungAfter;
    this.grace = Duration.ofSeconds(5);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "capture-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  Duration hungAfter() {
    return hungAfter;
  }

  /** Starts the clock for one task on {@code session}; close the guard when the task is over. */
  Guard watch(BrowserSession session) {
    Guard g = new Guard(session);
    g.first = timer.schedule(g::browserHung, hungAfter.toMillis(), TimeUnit.MILLISECONDS);
    return g;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** The deadline of one task; {@link #fired()} says whether the watchdog killed its browser. */
  final class Guard implements AutoCloseable {
    private final BrowserSession session;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> first;
    private volatile ScheduledFuture<?> second;

    private Guard(BrowserSession session) {
      this.session = session;
    }

    boolean fired() {
      return fired.get();
    }

    private void browserHung() {
      if (closed) {
        return;
      }
      fired.set(true);
      LOG.warn("browser work passed {} s: killing the browser so the blocked call fails", hungAfter.toSeconds());
      if (!session.kill(false)) {
        LOG.warn("the hung browser's process was not found; killing its Playwright driver");
        session.kill(true);
        return;
      }
      second = timer.schedule(this::driverHung, grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void driverHung() {
      if (!closed) {
        LOG.warn("browser work still blocked {} s after its browser was killed: killing the Playwright driver",
            grace.toSeconds());
        session.kill(true);
      }
    }

    @Override
    public void close() {
      closed = true;
      ScheduledFuture<?> f = first;
      if (f != null) {
        f.cancel(false);
      }
      ScheduledFuture<?> s = second;
      if (s != null) {
        s.cancel(false);
      }
    }
  }
}
