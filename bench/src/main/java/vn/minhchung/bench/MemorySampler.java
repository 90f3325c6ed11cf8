package vn.minhchung.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the memory of this JVM's descendant processes (Playwright drivers, browsers and their renderers)
 * every 100 ms from /proc: the sum of VmRSS (counts shared pages once per process, so it overstates) and
 * of Pss from smaps_rollup (shared pages split between sharers).
 */
final class MemorySampler implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakRssKb;
  private volatile long peakPssKb;

  private MemorySampler() {
    thread = new Thread(this::loop, "memory-sampler");
    thread.setDaemon(true);
  }

  static MemorySampler start() {
    MemorySampler m = new MemorySampler();
    m.thread.start();
    return m;
  }

  double peakRssMiB() {
    return peakRssKb / 1024.0;
  }

  double peakPssMiB() {
    return peakPssKb / 1024.0;
  }

  private void loop() {
    while (running) {
      long rss = 0;
      long pss = 0;
      for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
        rss += field(Path.of("/proc", Long.toString(p.pid()), "status"), "VmRSS:");
        pss += field(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"), "Pss:");
      }
      peakRssKb = Math.max(peakRssKb, rss);
      peakPssKb = Math.max(peakPssKb, pss);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long field(Path file, String name) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between listing and reading: it no longer uses memory.
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
