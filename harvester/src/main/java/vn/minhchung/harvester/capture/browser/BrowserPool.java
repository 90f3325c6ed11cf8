package vn.minhchung.harvester.capture.browser;

import com.microsoft.playwright.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads, each owning one {@link BrowserSession} (one Playwright per thread is the pattern Playwright
 * documents), fed from a bounded queue. A browser is restarted after {@code restartAfter} tasks and whenever
 * it is gone; a task interrupted by a lost browser (crashed, or hung and killed by the {@link Watchdog}) is run
 * once more on a fresh one, then handed to its fallback.
 */
public final class BrowserPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);

  /** Work for one browser. {@link #gaveUp} turns a second lost browser into a result (a recorded failure). */
  public interface Task<T> {
    T run(Browser browser);

    T gaveUp(RuntimeException cause);
  }

  private record Job<T>(Task<T> task, CompletableFuture<T> result) {}

  private static final Job<Void> STOP = new Job<>(null, null);

  private final Path executable;
  private final int restartAfter;
  private final BlockingQueue<Job<?>> queue;
  private final Watchdog watchdog;
  private final List<Thread> threads = new ArrayList<>();
  private final List<BrowserSession> sessions = new CopyOnWriteArrayList<>();
  private volatile String version = "";
  private volatile int restarts;

  /** {@code hungAfter}: the time after which a task's browser counts as hung and is killed (see {@link Watchdog}). */
  public BrowserPool(Path executable, int concurrency, int restartAfter, int queueSize, Duration hungAfter) {
    this.executable = executable;
    this.watchdog = new Watchdog(hungAfter);
    this.restartAfter = Math.max(1, restartAfter);
    this.queue = new ArrayBlockingQueue<>(Math.max(1, queueSize));
    for (int i = 0; i < Math.max(1, concurrency); i++) {
      CompletableFuture<Void> started = new CompletableFuture<>();
      Thread t = new Thread(() -> work(started), "capture-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
      if (i == 0) {
        // Fail fast on a missing or broken browser, before any work is queued.
        try {
          started.join();
        } catch (java.util.concurrent.CompletionException e) {
          close();
          throw e.getCause() instanceof RuntimeException re ? re : e;
        }
      }
    }
  }

  /** Queues a task; fails at once with {@link RejectedExecutionException} when the queue is full. */
  public <T> CompletableFuture<T> submit(Task<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (!queue.offer(new Job<>(task, f))) {
      throw new RejectedExecutionException("the capture queue is full (" + queue.size()
          + " waiting, browser.queueSize); try again when the current batch is done");
    }
    return f;
  }

  public String browserVersion() {
    return version;
  }

  /** Browser restarts so far (crashes and scheduled renewals). */
  public int restarts() {
    return restarts;
  }

  /** Main processes of the live browsers (for crash tests and memory figures). */
  public List<ProcessHandle> browserProcesses() {
    return sessions.stream().map(BrowserSession::process).flatMap(Optional::stream).toList();
  }

  private void work(CompletableFuture<Void> started) {
    BrowserSession session = null;
    try {
      session = fresh(null);
      started.complete(null);
      while (true) {
        Job<?> job = queue.take();
        if (job == STOP) {
          break;
        }
        session = run(job, session);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      started.completeExceptionally(e);
      if (!started.isCompletedExceptionally()) {
        throw e;
      }
    } finally {
      if (session != null) {
        sessions.remove(session);
        session.close();
      }
    }
  }

  private <T> BrowserSession run(Job<T> job, BrowserSession session) {
    for (int attempt = 1; ; attempt++) {
      RuntimeException lost;
      try {
        session = fresh(session);
        lost = attempt(job, session);
      } catch (BrowserUnavailableException e) {
        lost = e;
      }
      if (lost == null) {
        if (session.used() >= restartAfter) {
          retire(session);
          return null;
        }
        return session;
      }
      LOG.warn("browser lost (attempt {}): {}", attempt, lost.getMessage());
      if (session != null) {
        retire(session);
        session = null;
      }
      if (attempt >= 2) {
        job.result().complete(job.task().gaveUp(lost));
        return null;
      }
    }
  }

  /**
   * Runs the task once under the watchdog. Returns why the browser was lost (it crashed, or hung and was
   * killed), or null when the job is settled: its value, or a failure of the task itself.
   */
  private <T> RuntimeException attempt(Job<T> job, BrowserSession session) {
    try (Watchdog.Guard guard = watchdog.watch(session)) {
      try {
        job.result().complete(job.task().run(session.browser()));
        return null;
      } catch (RuntimeException e) {
        if (guard.fired()) {
          return new BrowserHungException("the browser did not answer within " + watchdog.hungAfter().toSeconds()
              + " s and was killed: " + PageCapturer.firstLine(e), e);
        }
        if (e instanceof PageCapturer.BrowserGoneException) {
          return e;
        }
        job.result().completeExceptionally(e);
        return null;
      } catch (Error e) {
        job.result().completeExceptionally(e);
        return null;
      }
    }
  }

  private BrowserSession fresh(BrowserSession session) {
    if (session != null && session.alive()) {
      return session;
    }
    if (session != null) {
      retire(session);
    }
    BrowserSession s = BrowserSession.launch(executable);
    sessions.add(s);
    version = s.version();
    return s;
  }

  /** Closes a session; a browser that hangs while closing is killed by the watchdog. */
  private void retire(BrowserSession s) {
    sessions.remove(s);
    restarts++;
    try (Watchdog.Guard guard = watchdog.watch(s)) {
      s.close();
    }
  }

  @Override
  public void close() {
    List<Job<?>> pending = new ArrayList<>();
    queue.drainTo(pending);
    pending.stream().filter(j -> j != STOP)
        .forEach(j -> j.result().completeExceptionally(new RejectedExecutionException("the capture service closed")));
    for (Thread t : threads) {
      if (!queue.offer(STOP)) {
        t.interrupt();
      }
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    watchdog.close();
  }
}
