package vn.minhchung.harvester.connector.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

class YouTubeQuotaTest {
  /** 23:30 on 19/04/2026 in Los Angeles; half an hour before the reset. */
  static final Instant LATE = Instant.parse("2026-04-20T06:30:00Z");

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void sharedCountStopsAtTheBudgetAndStartsAgainAfterPacificMidnight(DatabaseTarget t) throws Exception {
    try (Database db = TestDatabases.open(t)) {
      YouTubeQuota a = new YouTubeQuota.InDatabase(db);
      YouTubeQuota b = new YouTubeQuota.InDatabase(db);
      a.spend(1, 3, "c1", LATE);
      b.spend(1, 3, "c2", LATE);
      a.spend(1, 3, "c1", LATE);

      assertThatThrownBy(() -> b.spend(1, 3, "c2", LATE)).isInstanceOfSatisfying(ConnectorException.class, e -> {
        assertThat(e.kind()).isEqualTo(ConnectorException.Kind.QUOTA);
        assertThat(e.retryAfter()).contains(Instant.parse("2026-04-20T07:00:00Z"));
      });
      assertThat(a.used(LATE)).isEqualTo(3);

      Instant nextDay = Instant.parse("2026-04-20T07:00:01Z");
      b.spend(1, 3, "c2", nextDay);
      assertThat(a.used(nextDay)).isEqualTo(1);
    } finally {
      TestDatabases.drop(t);
    }
  }

  @org.junit.jupiter.api.Test
  void inMemoryCountRefusesOverTheBudget() throws Exception {
    YouTubeQuota q = new YouTubeQuota.InMemory();
    q.spend(2, 2, "c", LATE);
    assertThatThrownBy(() -> q.spend(1, 2, "c", LATE)).isInstanceOf(ConnectorException.class);
    assertThat(q.used(LATE)).isEqualTo(2);
  }
}
