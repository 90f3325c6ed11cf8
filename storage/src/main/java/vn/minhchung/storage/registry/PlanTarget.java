package vn.minhchung.storage.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;

/** A quantified target of a plan item for one evidence component, e.g. 7 reportage clips of 5–10 minutes. */
@Entity
@Table(name = "target")
public class PlanTarget {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "plan_item_id") private PlanItem planItem;
  @Column(nullable = false) private int position;
  @Column(nullable = false) private int component;
  /** The {@code EvidenceKind} code the target asks for; null for any kind. */
  private String kind;
  @Column(nullable = false) private String description;
  @Column(name = "target_count", nullable = false) private int count;
  @Column(name = "min_duration_seconds") private Integer minDurationSeconds;
  @Column(name = "max_duration_seconds") private Integer maxDurationSeconds;

  protected PlanTarget() {}

  public PlanTarget(PlanItem planItem, int position, int component, String description, int count) {
    this.planItem = planItem;
    this.position = position;
    this.component = component;
    this.description = description;
    this.count = count;
  }

  public Long getId() { return id; }
  public PlanItem getPlanItem() { return planItem; }
  public int getPosition() { return position; }
  public void setPosition(int position) { this.position = position; }
  public int getComponent() { return component; }
  public void setComponent(int component) { this.component = component; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public int getCount() { return count; }
  public void setCount(int count) { this.count = count; }
  public Duration getMinDuration() { return minDurationSeconds == null ? null : Duration.ofSeconds(minDurationSeconds); }
  public void setMinDuration(Duration d) { this.minDurationSeconds = d == null ? null : Math.toIntExact(d.getSeconds()); }
  public Duration getMaxDuration() { return maxDurationSeconds == null ? null : Duration.ofSeconds(maxDurationSeconds); }
  public void setMaxDuration(Duration d) { this.maxDurationSeconds = d == null ? null : Math.toIntExact(d.getSeconds()); }
}
