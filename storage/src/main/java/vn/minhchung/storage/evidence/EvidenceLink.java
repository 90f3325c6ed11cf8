package vn.minhchung.storage.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Evidence filed against a plan item. Automatic links start as {@code suggested} (đề xuất) and only a
 * reviewer makes them {@code confirmed}; manual links are confirmed when made.
 */
@Entity
@Table(name = "evidence_link")
public class EvidenceLink {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "evidence_id") private Evidence evidence;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "plan_item_id") private PlanItem planItem;
  /** auto | manual. */
  @Column(nullable = false) private String method;
  /** suggested | confirmed | rejected. */
  @Column(nullable = false) private String state;
  private Double score;
  @Column(name = "created_by") private String createdBy;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;

  protected EvidenceLink() {}

  public EvidenceLink(Evidence evidence, PlanItem planItem, String method, String state, Double score, String createdBy,
      Instant now) {
    this.evidence = evidence;
    this.planItem = planItem;
    this.method = method;
    this.state = state;
    this.score = score;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public Evidence getEvidence() { return evidence; }
  public PlanItem getPlanItem() { return planItem; }
  public String getMethod() { return method; }
  public String getState() { return state; }
  public void setState(String state, Instant at) { this.state = state; this.updatedAt = at; }
  public Double getScore() { return score; }
  public void setScore(Double score) { this.score = score; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
