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
import java.time.Instant;

/** An organisation unit (đơn vị): a Sở, a UBND xã/phường, the provincial paper or station. */
@Entity
@Table(name = "unit")
public class Unit {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false, unique = true) private String code;
  @Column(nullable = false) private String name;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "parent_id") private Unit parent;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;

  protected Unit() {}

  public Unit(String code, String name, Instant now) {
    this.code = code;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Unit getParent() { return parent; }
  public void setParent(Unit parent) { this.parent = parent; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
