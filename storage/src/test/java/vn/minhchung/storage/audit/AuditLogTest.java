package vn.minhchung.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

@Timeout(120)
class AuditLogTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void chainsEventsByHashAndDetectsReordering(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      Instant t = Instant.parse("2026-11-01T03:00:00.123456789Z");
      db.runInTransaction(s -> AuditLog.append(s, t, "thu.nguyen", "evidence.approve", "evidence", "7",
          "{\"status\":\"pending\"}", "{\"status\":\"approved\"}"));
      db.runInTransaction(s -> AuditLog.append(s, t.plusSeconds(60), "thu.nguyen", "evidence.upload", "evidence", "8",
          null, "{\"file\":\"bao-in.pdf\"}"));
      List<AuditRecord> chain = db.inTransaction(s -> AuditLog.all(s).stream().map(AuditEvent::record).toList());
      assertThat(chain).hasSize(2);
      assertThat(chain.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS);
      assertThat(AuditRecord.verifyChain(chain)).isEmpty();
      List<AuditRecord> reordered = new ArrayList<>(List.of(chain.get(1), chain.get(0)));
      assertThat(AuditRecord.verifyChain(reordered)).anyMatch(p -> p.contains("removed or reordered"));
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void concurrentAppendsInSeparateTransactionsAllSucceedAndKeepOneChain(DatabaseTarget target) throws Exception {
    int threads = 4;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Database db = TestDatabases.open(target)) {
      Instant t = Instant.parse("2026-11-01T03:00:00Z");
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        done.add(pool.submit(() -> {
          start.await();
          for (int n = 0; n < perThread; n++) {
            int k = n;
            // Work after the append keeps the head locked a while, as a review transaction does.
            db.runInTransaction(s -> {
              AuditLog.append(s, t.plusMillis(k), "user" + thread, "evidence.approve", "evidence", thread + "-" + k,
                  null, "{}");
              s.createNativeQuery("select count(*) from audit_event", Long.class).getSingleResult();
            });
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(100, TimeUnit.SECONDS);
      }
      List<AuditRecord> chain = db.inTransaction(s -> AuditLog.all(s).stream().map(AuditEvent::record).toList());
      assertThat(chain).hasSize(threads * perThread);
      assertThat(chain.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS);
      assertThat(AuditRecord.verifyChain(chain)).isEmpty();
    } finally {
      pool.shutdownNow();
      TestDatabases.drop(target);
    }
  }
}
