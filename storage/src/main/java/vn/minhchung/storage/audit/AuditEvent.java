package vn.minhchung.storage.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited action: who did what to which entity, with the state before and after, chained by hash. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false) private Instant at;
  @Column(nullable = false) private String actor;
  @Column(nullable = false) private String action;
  @Column(name = "entity_type", nullable = false) private String entityType;
  @Column(name = "entity_id") private String entityId;
  @Column(name = "before_json") private String beforeJson;
  @Column(name = "after_json") private String afterJson;
  @Column(name = "prev_hash", nullable = false) private String prevHash;
  @Column(nullable = false) private String hash;

  protected AuditEvent() {}

  AuditEvent(Instant at, String actor, String action, String entityType, String entityId, String beforeJson,
      String afterJson, String prevHash, String hash) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
    this.beforeJson = beforeJson;
    this.afterJson = afterJson;
    this.prevHash = prevHash;
    this.hash = hash;
  }

  public Long getId() { return id; }
  public Instant getAt() { return at; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public String getEntityType() { return entityType; }
  public String getEntityId() { return entityId; }
  public String getBeforeJson() { return beforeJson; }
  public String getAfterJson() { return afterJson; }
  public String getPrevHash() { return prevHash; }
  public String getHash() { return hash; }

  /** The fields that the hash covers, as a value (also used to verify exported chains). */
  public AuditRecord record() {
    return new AuditRecord(at, actor, action, entityType, entityId, beforeJson, afterJson, prevHash, hash);
  }
}
