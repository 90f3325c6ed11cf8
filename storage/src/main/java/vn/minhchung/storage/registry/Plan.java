package vn.minhchung.storage.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A plan (kế hoạch) whose items must be reported on with evidence, e.g. 110/KH-UBND. */
@Entity
@Table(name = "plan")
public class Plan {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false, unique = true) private String code;
  @Column(nullable = false) private String title;
  private String issuer;
  @Column(name = "issued_on") private LocalDate issuedOn;
  /** The items' default expected components ({@link vn.minhchung.config.registry.ExpectedComponents} column form). */
  private String components;
  @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL) @OrderBy("position") private List<PlanItem> items = new ArrayList<>();
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;

  protected Plan() {}

  public Plan(String code, String title, Instant now) {
    this.code = code;
    this.title = title;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getIssuer() { return issuer; }
  public void setIssuer(String issuer) { this.issuer = issuer; }
  public LocalDate getIssuedOn() { return issuedOn; }
  public void setIssuedOn(LocalDate issuedOn) { this.issuedOn = issuedOn; }
  public String getComponents() { return components; }
  public void setComponents(String components) { this.components = components; }
  public List<PlanItem> getItems() { return items; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
