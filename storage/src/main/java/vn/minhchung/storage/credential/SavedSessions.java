package vn.minhchung.storage.credential;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Storing, finding and removing saved browser sessions (one per platform) inside the caller's transaction. */
public final class SavedSessions {
  private SavedSessions() {}

  /** What an import stores: the platform's storage-state JSON and facts about it (no secret among the facts). */
  public record Import(String platform, String storageStateJson, String sourceFormat, int cookieCount,
      Instant authExpiresAt) {
    @Override
    public String toString() {
      return "Import[" + platform + ", " + sourceFormat + ", " + cookieCount + " cookies, storage state masked]";
    }
  }

  public static Optional<SavedSession> find(Session s, String platform) {
    return s.createSelectionQuery("from SavedSession where platform = :p", SavedSession.class)
        .setParameter("p", platform).uniqueResultOptional();
  }

  /** Creates or replaces the platform's session, sealed with {@code box}. */
  public static SavedSession store(Session s, SecretBox box, Import in, String actor, Instant now) {
    SavedSession row = s.createSelectionQuery("from SavedSession where platform = :p", SavedSession.class)
        .setParameter("p", in.platform()).setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional()
        .orElse(null);
    boolean fresh = row == null;
    if (fresh) {
      row = new SavedSession(in.platform());
    }
    row.replace(box, in.storageStateJson(), in.sourceFormat(), in.cookieCount(), in.authExpiresAt(), actor, now);
    if (fresh) {
      s.persist(row);
    }
    return row;
  }

  /** Every saved session, by platform. */
  public static List<SavedSession> list(Session s) {
    return s.createSelectionQuery("from SavedSession order by platform", SavedSession.class).getResultList();
  }

  /** Deletes the platform's session; returns it when there was one. */
  public static Optional<SavedSession> remove(Session s, String platform) {
    Optional<SavedSession> row = find(s, platform);
    row.ifPresent(s::remove);
    return row;
  }
}
