package vn.minhchung.harvester.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import vn.minhchung.review.web.WebServer;

/** The wait of {@code serve} and {@code demo}: runs until Ctrl-C (or, in tests, {@link #stopSignal}). */
final class WebServing {
  /** Set by tests to stop the server; the command otherwise waits until the JVM shuts down. */
  static volatile CountDownLatch stopSignal;

  private WebServing() {}

  /**
   * Prints the UI's address, then blocks until the process is asked to stop; {@code onStop} runs once (on the
   * shutdown hook for Ctrl-C), stopping the scheduler, the browsers and the server in that order.
   */
  static void runUntilStopped(WebServer server, PrintWriter out, Runnable onStop) throws InterruptedException {
    runUntilStopped(String.format(Locale.ROOT, "Giao diện duyệt minh chứng (review web UI): %s  (Ctrl-C để dừng)",
        server.uri()), out, onStop);
  }

  /** As {@link #runUntilStopped(WebServer, PrintWriter, Runnable)} for a node without UI: prints {@code banner}. */
  static void runUntilStopped(String banner, PrintWriter out, Runnable onStop) throws InterruptedException {
    CountDownLatch stop = stopSignal != null ? stopSignal : new CountDownLatch(1);
    Runnable once = new Runnable() {
      private boolean done;

      @Override
      public synchronized void run() {
        if (!done) {
          done = true;
          onStop.run();
        }
      }
    };
    Thread hook = new Thread(() -> {
      once.run();
      stop.countDown();
    }, "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(banner);
    out.flush();
    stop.await();
    if (stopSignal != null) {
      Runtime.getRuntime().removeShutdownHook(hook);
      once.run();
    }
  }
}
