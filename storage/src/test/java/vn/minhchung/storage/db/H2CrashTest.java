package vn.minhchung.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fill, kill, reopen: a child JVM writes posts with bodies at the text cap into the embedded database, opened with
 * the product's URL options, and is killed with SIGKILL in the middle of its writes, twice over. After each
 * kill the database must open (no "Chunk … not found") and hold every post the child reported as committed, byte
 * for byte.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class H2CrashTest {
  private static final int ROUNDS = 2;
  private static final int COMMITS_BEFORE_KILL = 8;
  @TempDir Path dir;

  @Test
  void theEmbeddedDatabaseOpensAfterKillsMidWriteWithEveryCommittedPostIntact() throws Exception {
    Path dbDir = dir.resolve("db");
    int next = 1;
    int committedTotal = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      int lastCommitted = fillThenKill(dbDir, next, round);
      assertThat(lastCommitted).as("round %d: posts the writer committed before the kill", round)
          .isGreaterThanOrEqualTo(next + COMMITS_BEFORE_KILL - 1);
      committedTotal = lastCommitted;
      try (Database db = Database.open(DatabaseTarget.embedded(dbDir))) {
        List<Object[]> rows = db.inTransaction(s -> s.createSelectionQuery(
            "select p.platformId, p.title, p.body from Post p", Object[].class).getResultList());
        Map<String, Object[]> byId = new HashMap<>();
        rows.forEach(r -> byId.put((String) r[0], r));
        List<Integer> lost = new ArrayList<>();
        List<Integer> damaged = new ArrayList<>();
        for (int n = 1; n <= committedTotal; n++) {
          Object[] r = byId.get("bai-" + n);
          if (r == null) {
            lost.add(n);
          } else if (!H2CrashWriter.title(n).equals(r[1]) || !H2CrashWriter.body(n).equals(r[2])) {
            damaged.add(n);
          }
        }
        assertThat(lost).as("round %d: committed posts missing after the kill (last committed %d)", round,
            committedTotal).isEmpty();
        assertThat(damaged).as("round %d: committed posts whose text changed", round).isEmpty();
        next = rows.stream().mapToInt(r -> Integer.parseInt(((String) r[0]).substring(4))).max().orElse(0) + 1;
      }
    }
    assertThat(committedTotal).isGreaterThanOrEqualTo(ROUNDS * COMMITS_BEFORE_KILL);
  }

  /** Runs the writer until it has committed {@link #COMMITS_BEFORE_KILL} posts, kills it, returns the last committed. */
  private int fillThenKill(Path dbDir, int first, int round) throws Exception {
    Path log = dir.resolve("writer-" + round + ".err");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        H2CrashWriter.class.getName(), dbDir.toString(), Integer.toString(first))
        .redirectError(log.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("reader failed: " + e);
      }
    }, "h2-crash-writer-output");
    reader.setDaemon(true);
    reader.start();
    int last = first - 1;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (last < first + COMMITS_BEFORE_KILL - 1) {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        assertThat(line).as("writer output before its deadline (round %d); its errors: %s", round, errors(log, child))
            .isNotNull();
        if (line.startsWith("committed ")) {
          last = Integer.parseInt(line.substring("committed ".length()));
        }
      }
      // Somewhere inside the next write: the body is being sent, flushed or committed.
      Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("killed writer exits").isTrue();
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
    for (String line; (line = lines.poll()) != null; ) {
      if (line.startsWith("committed ")) {
        last = Integer.parseInt(line.substring("committed ".length()));
      }
    }
    return last;
  }

  private static String errors(Path log, Process child) {
    try {
      return (child.isAlive() ? "" : "exited " + child.exitValue() + "; ") + Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
