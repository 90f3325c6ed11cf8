package vn.minhchung.storage.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.minhchung.config.registry.ExpectedComponents;
import vn.minhchung.config.registry.UnitDeadlines;

/** An item (nhiệm vụ) of a plan, e.g. II.2, with its lead unit, deadline, keywords and targets. */
@Entity
@Table(name = "plan_item")
public class PlanItem {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "plan_id") private Plan plan;
  @Column(nullable = false) private String code;
  @Column(nullable = false) private int position;
  @Column(nullable = false) private String title;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "lead_unit_id") private Unit lead;
  @ManyToMany
  @jakarta.persistence.JoinTable(name = "plan_item_cooperating",
      joinColumns = @JoinColumn(name = "plan_item_id"), inverseJoinColumns = @JoinColumn(name = "unit_id"))
  @OrderColumn(name = "position")
  private List<Unit> cooperating = new ArrayList<>();
  private String timing;
  private LocalDate deadline;
  private String products;
  /** Keywords as a JSON array of strings. */
  @Column(name = "keywords_json") private String keywordsJson;
  /** The expected components as given on the item ({@link ExpectedComponents} column form; null: the plan's). */
  private String components;
  /** Deadlines per unit, {@link UnitDeadlines} column form; null when none. */
  @Column(name = "unit_deadlines") private String unitDeadlines;
  @OneToMany(mappedBy = "planItem", cascade = CascadeType.ALL, orphanRemoval = true) @OrderBy("position")
  private List<PlanTarget> targets = new ArrayList<>();
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;

  protected PlanItem() {}

  public PlanItem(Plan plan, String code, String title, Instant now) {
    this.plan = plan;
    this.code = code;
    this.title = title;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public Plan getPlan() { return plan; }
  public String getCode() { return code; }
  public int getPosition() { return position; }
  public void setPosition(int position) { this.position = position; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public Unit getLead() { return lead; }
  public void setLead(Unit lead) { this.lead = lead; }
  public List<Unit> getCooperating() { return cooperating; }
  public String getTiming() { return timing; }
  public void setTiming(String timing) { this.timing = timing; }
  public LocalDate getDeadline() { return deadline; }
  public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
  public String getProducts() { return products; }
  public void setProducts(String products) { this.products = products; }
  public String getKeywordsJson() { return keywordsJson; }
  public void setKeywordsJson(String keywordsJson) { this.keywordsJson = keywordsJson; }
  public String getComponents() { return components; }
  public void setComponents(String components) { this.components = components; }

  /** The evidence components this item expects: its own, else its plan's default, else all six. */
  public List<Integer> expectedComponents() {
    return ExpectedComponents.resolve(ExpectedComponents.fromColumn(components),
        ExpectedComponents.fromColumn(plan.getComponents()));
  }

  /** The units' deadlines as written in the registry ({@code unitDeadline}, {@code unitDeadlines}). */
  public UnitDeadlines getUnitDeadlines() { return UnitDeadlines.fromColumn(unitDeadlines); }
  public void setUnitDeadlines(UnitDeadlines value) { this.unitDeadlines = value.toColumn(); }

  /**
   * The date by which each unit reports to the lead before the item's own deadline, by unit code: the cooperating
   * units' common date, then the dates of named units (empty when none).
   */
  public java.util.Map<String, LocalDate> deadlinesByUnit() {
    return getUnitDeadlines().resolve(cooperating.stream().map(Unit::getCode).toList());
  }

  public List<PlanTarget> getTargets() { return targets; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
