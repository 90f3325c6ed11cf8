package vn.minhchung.storage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.Session;

/**
 * Appends audit events inside the caller's transaction. The unique constraint on {@code prev_hash} makes two
 * concurrent appends conflict (one transaction fails and is retried by its caller), so the chain never forks.
 */
public final class AuditLog {
  private AuditLog() {}

  public static AuditEvent append(Session session, Instant now, String actor, String action, String entityType,
      String entityId, String beforeJson, String afterJson) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    List<String> last = session.createSelectionQuery("select e.hash from AuditEvent e order by e.id desc", String.class)
        .setMaxResults(1).getResultList();
    String prev = last.isEmpty() ? AuditRecord.GENESIS : last.get(0);
    String hash = AuditRecord.computeHash(at, actor, action, entityType, entityId, beforeJson, afterJson, prev);
    AuditEvent e = new AuditEvent(at, actor, action, entityType, entityId, beforeJson, afterJson, prev, hash);
    session.persist(e);
    session.flush();
    return e;
  }

  /** Every event in chain order. */
  public static List<AuditEvent> all(Session session) {
    return session.createSelectionQuery("from AuditEvent e order by e.id", AuditEvent.class).getResultList();
  }
}
