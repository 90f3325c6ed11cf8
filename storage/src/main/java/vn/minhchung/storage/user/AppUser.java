package vn.minhchung.storage.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in to the review UI; the password is stored only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false, unique = true) private String username;
  @Column(name = "password_hash", nullable = false) private String passwordHash;
  /** admin | reviewer | viewer. */
  @Column(nullable = false) private String role;
  @Column(nullable = false) private boolean active = true;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "last_login_at") private Instant lastLoginAt;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, String role, Instant now) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now;
  }

  public Long getId() { return id; }
  public String getUsername() { return username; }
  public String getPasswordHash() { return passwordHash; }
  public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
  public String getRole() { return role; }
  public void setRole(String role) { this.role = role; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getLastLoginAt() { return lastLoginAt; }
  public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
}
