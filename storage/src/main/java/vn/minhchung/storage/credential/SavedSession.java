package vn.minhchung.storage.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * The saved browser session of one platform: a Playwright storage state holding only the platform's cookies,
 * sealed by {@link SecretBox} (never plaintext on disk), who imported it and when, the format it came in, when its
 * login cookies expire, and what the last check or harvest saw ({@link State}). {@link #toString()} never shows the
 * state.
 */
@Entity
@Table(name = "browser_session")
public class SavedSession {
  /** Whether the session is logged in, as the last check or harvest saw it. */
  public enum State {
    LOGGED_IN, LOGGED_OUT, CHECKPOINT, UNKNOWN;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false) private String platform;
  /** The sealed storage-state JSON; never plaintext, never logged or exported. */
  @Column(name = "sealed_state", nullable = false) private String sealedState;
  @Column(name = "source_format", nullable = false) private String sourceFormat;
  @Column(name = "cookie_count", nullable = false) private int cookieCount;
  @Column(name = "imported_by", nullable = false) private String importedBy;
  @Column(name = "imported_at", nullable = false) private Instant importedAt;
  @Column(name = "auth_expires_at") private Instant authExpiresAt;
  @Column(nullable = false) private String state = State.UNKNOWN.code();
  @Column(name = "state_detail") private String stateDetail;
  @Column(name = "state_at") private Instant stateAt;
  @Column(name = "checked_at") private Instant checkedAt;
  @Version private long version;

  protected SavedSession() {}

  SavedSession(String platform) {
    this.platform = platform;
  }

  public Long getId() { return id; }
  public String getPlatform() { return platform; }
  public String getSourceFormat() { return sourceFormat; }
  public int getCookieCount() { return cookieCount; }
  public String getImportedBy() { return importedBy; }
  public Instant getImportedAt() { return importedAt; }
  public Instant getAuthExpiresAt() { return authExpiresAt; }
  public State getState() { return State.of(state); }
  public String getStateDetail() { return stateDetail; }
  public Instant getStateAt() { return stateAt; }
  public Instant getCheckedAt() { return checkedAt; }

  /** The storage-state JSON, opened with {@code box}; the platform is bound into the seal. */
  public String storageState(SecretBox box) {
    return box.open(sealedState, sealContext());
  }

  /** Replaces the whole session: a new import starts unchecked. */
  void replace(SecretBox box, String storageStateJson, String sourceFormat, int cookieCount, Instant authExpiresAt,
      String actor, Instant now) {
    this.sealedState = box.seal(storageStateJson, sealContext());
    this.sourceFormat = sourceFormat;
    this.cookieCount = cookieCount;
    this.authExpiresAt = authExpiresAt;
    this.importedBy = actor;
    this.importedAt = now;
    this.state = State.UNKNOWN.code();
    this.stateDetail = null;
    this.stateAt = null;
    this.checkedAt = null;
  }

  /** Records what a harvest or a check saw; {@code checked} when it was a {@code session check}. */
  public void mark(State state, String detail, Instant now, boolean checked) {
    this.state = state.code();
    this.stateDetail = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    this.stateAt = now;
    if (checked) {
      this.checkedAt = now;
    }
  }

  private String sealContext() {
    return "browser_session:" + platform;
  }

  @Override
  public String toString() {
    return "SavedSession[" + platform + ", " + cookieCount + " cookies, state " + state + ", storage state sealed]";
  }
}
