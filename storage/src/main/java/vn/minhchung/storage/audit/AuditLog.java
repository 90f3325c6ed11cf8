package vn.minhchung.storage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.Session;

/**
 * Appends audit events inside the caller's transaction. Each append locks the single row of {@code audit_head}
 * ({@code select ... for update}) until the caller's transaction ends, so concurrent appends on any node queue
 * behind each other on H2 and PostgreSQL instead of colliding; the unique {@code prev_hash} stays as a last
 * guard against a forked chain.
 */
public final class AuditLog {
  private AuditLog() {}

  public static AuditEvent append(Session session, Instant now, String actor, String action, String entityType,
      String entityId, String beforeJson, String afterJson) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    String prev = session.createNativeQuery("select hash from audit_head where id = 1 for update", String.class)
        .getSingleResult();
    String hash = AuditRecord.computeHash(at, actor, action, entityType, entityId, beforeJson, afterJson, prev);
    AuditEvent e = new AuditEvent(at, actor, action, entityType, entityId, beforeJson, afterJson, prev, hash);
    session.persist(e);
    session.createNativeMutationQuery("update audit_head set hash = :h where id = 1").setParameter("h", hash)
        .executeUpdate();
    return e;
  }

  /** Every event in chain order. */
  public static List<AuditEvent> all(Session session) {
    return session.createSelectionQuery("from AuditEvent e order by e.id", AuditEvent.class).getResultList();
  }
}
