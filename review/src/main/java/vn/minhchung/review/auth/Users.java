package vn.minhchung.review.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.user.AppUser;

/** Creates users and checks passwords; passwords are kept only as bcrypt hashes (cost {@value #COST}). */
public final class Users {
  private Users() {}

  static final int COST = 12;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final int MIN_PASSWORD = PasswordRules.MIN_LENGTH;
  /** Longer names are refused at login before any work: no stored name is this long. */
  public static final int MAX_NAME = 100;
  /** Verified against when the user does not exist, so an unknown name takes as long as a wrong password. */
  private static final char[] DUMMY_PASSWORD = "dummy-password".toCharArray();
  private static final String DUMMY_HASH = new String(BCrypt.withDefaults().hash(COST, DUMMY_PASSWORD),
      java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * Creates a user; the caller wipes {@code password} afterwards. Audited as {@code user.add} by {@code actor}.
   *
   * @throws IllegalArgumentException naming what is wrong with the name, the password or the role
   */
  public static AppUser add(Session s, String name, Role role, char[] password, String actor, Instant now) {
    return add(s, name, role, password, actor, now, COST);
  }

  /** As {@link #add(Session, String, Role, char[], String, Instant)} with a bcrypt cost (4..31); tests use a low one. */
  public static AppUser add(Session s, String name, Role role, char[] password, String actor, Instant now, int cost) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user name '" + name
          + "' is not allowed: use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    PasswordRules.check(name, password).ifPresent(weak -> {
      throw weak;
    });
    if (find(s, name).isPresent()) {
      throw new IllegalArgumentException("user '" + name + "' exists already");
    }
    byte[] hash = BCrypt.withDefaults().hash(cost, password);
    AppUser u = new AppUser(name, new String(hash, java.nio.charset.StandardCharsets.US_ASCII), role.code(), now);
    Arrays.fill(hash, (byte) 0);
    s.persist(u);
    AuditLog.append(s, now, actor, "user.add", "app_user", name, null,
        "{\"username\":\"" + name + "\",\"role\":\"" + role.code() + "\"}");
    return u;
  }

  /**
   * Gives an existing user a new password (same rules as {@link #add}); the caller wipes {@code password}
   * afterwards. Audited as {@code user.password} by {@code actor}, without the password.
   *
   * @throws IllegalArgumentException for an unknown user or a password the rules refuse
   */
  public static AppUser setPassword(Session s, String name, char[] password, String actor, Instant now) {
    AppUser u = find(s, name).orElseThrow(() -> new IllegalArgumentException("user '" + name
        + "' does not exist; create it with: users add " + name + " --role admin|reviewer|viewer"));
    PasswordRules.check(name, password).ifPresent(weak -> {
      throw weak;
    });
    byte[] hash = BCrypt.withDefaults().hash(COST, password);
    u.setPasswordHash(new String(hash, java.nio.charset.StandardCharsets.US_ASCII));
    Arrays.fill(hash, (byte) 0);
    AuditLog.append(s, now, actor, "user.password", "app_user", name, null, "{\"username\":\"" + name + "\"}");
    return u;
  }

  public static Optional<AppUser> find(Session s, String name) {
    return s.createSelectionQuery("from AppUser u where u.username = :n", AppUser.class).setParameter("n", name)
        .uniqueResultOptional();
  }

  /** The active user with this name and password, else empty; spends the same bcrypt work either way. */
  public static Optional<AppUser> authenticate(Session s, String name, char[] password) {
    if (PasswordRules.utf8Length(password) > PasswordRules.MAX_BYTES) {
      // No stored password is this long (refused when set); bcrypt would refuse it too. Same work, no match.
      BCrypt.verifyer().verify(DUMMY_PASSWORD, DUMMY_HASH.toCharArray());
      return Optional.empty();
    }
    Optional<AppUser> u = find(s, name).filter(AppUser::isActive);
    String hash = u.map(AppUser::getPasswordHash).orElse(DUMMY_HASH);
    boolean ok = BCrypt.verifyer().verify(password, hash.toCharArray()).verified;
    return ok ? u : Optional.empty();
  }
}
