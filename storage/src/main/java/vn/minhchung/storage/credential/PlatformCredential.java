package vn.minhchung.storage.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A platform token pair kept in the database so that a restart (or another node) uses the latest one. The
 * {@link Version} column makes two concurrent refreshes of the same account conflict instead of both winning.
 */
@Entity
@Table(name = "platform_credential")
public class PlatformCredential {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false) private String platform;
  @Column(nullable = false) private String account;
  /** JSON with the secrets (access and refresh token); never logged or exported. */
  @Column(name = "secret_json", nullable = false) private String secretJson;
  @Column(name = "expires_at") private Instant expiresAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;
  @Version private long version;

  protected PlatformCredential() {}

  public PlatformCredential(String platform, String account, String secretJson, Instant expiresAt, Instant now) {
    this.platform = platform;
    this.account = account;
    this.secretJson = secretJson;
    this.expiresAt = expiresAt;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public String getPlatform() { return platform; }
  public String getAccount() { return account; }
  public String getSecretJson() { return secretJson; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public long getVersion() { return version; }

  public void update(String secretJson, Instant expiresAt, Instant now) {
    this.secretJson = secretJson;
    this.expiresAt = expiresAt;
    this.updatedAt = now;
  }

  @Override
  public String toString() {
    return "PlatformCredential[" + platform + "/" + account + ", secrets masked]";
  }
}
