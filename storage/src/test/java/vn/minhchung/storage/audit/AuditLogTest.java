package vn.minhchung.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

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
}
