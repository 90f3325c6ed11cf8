package vn.minhchung.review.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.evidence.EvidenceLink;

/** One {@link TestServer} over a fresh fixture database per test class, and what tests read back from it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTestBase {
  @TempDir static Path tmp;
  TestServer server;

  @BeforeAll
  void startServer() {
    server = new TestServer(tmp);
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** The state of each link of an evidence item, by item code ("II.2" → "suggested"). */
  Map<String, String> linkStates(long evidenceId) {
    return server.db.inTransaction(s -> {
      Map<String, String> m = new TreeMap<>();
      s.createSelectionQuery("from EvidenceLink l join fetch l.planItem where l.evidence.id = :id", EvidenceLink.class)
          .setParameter("id", evidenceId).getResultList().forEach(l -> m.put(l.getPlanItem().getCode(), l.getState()));
      return m;
    });
  }
}
