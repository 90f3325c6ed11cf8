package vn.minhchung.storage.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One platform account (a Facebook Page, a Zalo OA, a YouTube key) whose credential the harvester uses for the
 * channels linked to it ({@link ChannelAccount}). The secrets are only ever stored sealed by {@link SecretBox};
 * {@link #toString()} never shows them. The {@link Version} column makes two concurrent refreshes of the same
 * account conflict instead of both winning.
 */
@Entity
@Table(name = "platform_account")
public class PlatformAccount {
  /** What the platform last said of the credential; {@code expiring} is derived from the expiry, not stored. */
  public enum Status {
    OK, EXPIRING, REJECTED, REVOKED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false) private String platform;
  @Column(nullable = false) private String account;
  @Column(name = "display_name") private String displayName;
  @Column(name = "token_kind", nullable = false) private String tokenKind;
  /** The sealed JSON of the secrets ({@link AccountSecrets}); never plaintext, never logged or exported. */
  @Column(name = "secret_json", nullable = false) private String sealedSecrets;
  private String masked;
  private String scopes;
  @Column(name = "expires_at") private Instant expiresAt;
  @Column(nullable = false) private String status = "ok";
  @Column(name = "last_used_at") private Instant lastUsedAt;
  @Column(name = "last_success_at") private Instant lastSuccessAt;
  @Column(name = "last_error") private String lastError;
  @Column(name = "created_at") private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;
  @Version private long version;

  protected PlatformAccount() {}

  public PlatformAccount(String platform, String account, String tokenKind, Instant now) {
    this.platform = platform;
    this.account = account;
    this.tokenKind = tokenKind;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public String getPlatform() { return platform; }
  public String getAccount() { return account; }
  public String getDisplayName() { return displayName; }
  public String getTokenKind() { return tokenKind; }
  public String getMasked() { return masked; }
  public String getScopes() { return scopes; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getLastUsedAt() { return lastUsedAt; }
  public Instant getLastSuccessAt() { return lastSuccessAt; }
  public String getLastError() { return lastError; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public long getVersion() { return version; }

  /** The stored status (ok, rejected, revoked). */
  public Status getStoredStatus() {
    return Status.of(status);
  }

  /** The status shown to people: {@code expiring} when an ok credential expires within {@code warn}. */
  public Status status(Instant now, Duration warn) {
    Status s = getStoredStatus();
    if (s == Status.OK && expiresAt != null && !expiresAt.isAfter(now.plus(warn))) {
      return Status.EXPIRING;
    }
    return s;
  }

  /** Whether the harvester may call the platform with it: not rejected, not revoked, not past its expiry. */
  public boolean usable(Instant now) {
    return getStoredStatus() == Status.OK && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** The secrets, opened with {@code box}; the row's platform and account are bound into the seal. */
  public AccountSecrets secrets(SecretBox box) {
    return AccountSecrets.fromJson(box.open(sealedSecrets, sealContext()), this);
  }

  /** Stores new secrets (sealed), a new expiry and a fresh status: a reconnect clears the last error. */
  public void replaceSecrets(SecretBox box, AccountSecrets secrets, Instant expiresAt, Instant now) {
    this.sealedSecrets = box.seal(secrets.toJson(), sealContext());
    this.masked = Masks.mask(secrets.accessToken());
    this.expiresAt = expiresAt;
    this.status = Status.OK.code();
    this.lastError = null;
    this.updatedAt = now;
  }

  /** Seals a row left in plaintext by an earlier version (migration V8_1). */
  void sealLegacy(SecretBox box, Instant now) {
    AccountSecrets plain = AccountSecrets.fromJson(sealedSecrets, this);
    this.sealedSecrets = box.seal(plain.toJson(), sealContext());
    this.masked = Masks.mask(plain.accessToken());
    this.updatedAt = now;
  }

  boolean isLegacyPlaintext() {
    return !SecretBox.isSealed(sealedSecrets);
  }

  public void describe(String displayName, String scopes) {
    if (displayName != null && !displayName.isBlank()) {
      this.displayName = displayName;
    }
    if (scopes != null && !scopes.isBlank()) {
      this.scopes = scopes;
    }
  }

  public void setTokenKind(String tokenKind) {
    this.tokenKind = tokenKind;
  }

  public void markUsed(Instant now) {
    this.lastUsedAt = now;
  }

  public void markSuccess(Instant now) {
    this.lastUsedAt = now;
    this.lastSuccessAt = now;
  }

  /** The platform refused the credential: no API call is made with it until it is reconnected. */
  public void reject(Status why, String error, Instant now) {
    if (why != Status.REJECTED && why != Status.REVOKED) {
      throw new IllegalArgumentException("a rejection is rejected or revoked, not " + why);
    }
    this.status = why.code();
    this.lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    this.lastUsedAt = now;
    this.updatedAt = now;
  }

  private String sealContext() {
    return "platform_account:" + platform + ":" + account;
  }

  @Override
  public String toString() {
    return "PlatformAccount[" + platform + "/" + account + ", secrets masked]";
  }
}
