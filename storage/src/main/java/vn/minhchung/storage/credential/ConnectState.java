package vn.minhchung.storage.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.hibernate.Session;

/**
 * An OAuth connect flow in progress. The {@code state} sent to the platform is random and stored only as its
 * SHA-256; the flow is bound to the browser that started it by a second random value kept in a cookie (also
 * stored hashed); it can be used once, within {@link #LIFETIME}. A PKCE verifier is sealed like tokens.
 */
@Entity
@Table(name = "connect_state")
public class ConnectState {
  public static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id @Column(name = "state_hash") private String stateHash;
  @Column(nullable = false) private String platform;
  @Column(name = "channel_code", nullable = false) private String channelCode;
  @Column(name = "user_name", nullable = false) private String userName;
  @Column(name = "binding_hash", nullable = false) private String bindingHash;
  @Column(name = "code_verifier") private String sealedVerifier;
  @Column(name = "created_at", nullable = false) private Instant createdAt;

  protected ConnectState() {}

  /** What a new flow hands out: the state for the platform, the browser binding, and the PKCE verifier. */
  public record Started(String state, String binding, String codeVerifier) {
    @Override
    public String toString() {
      return "Started[****]";
    }
  }

  /** A consumed flow: who started it for which channel, and its PKCE verifier (null when none was made). */
  public record Consumed(String platform, String channelCode, String userName, String codeVerifier) {}

  /** Why a callback's state is refused; each has its own message for the person who clicked. */
  public enum Refusal { UNKNOWN_OR_USED, OTHER_BROWSER, EXPIRED, OTHER_PLATFORM }

  /** Starts a flow and removes the flows that expired. */
  public static Started start(Session s, SecretBox box, String platform, String channelCode, String userName,
      boolean pkce, Instant now) {
    s.createMutationQuery("delete from ConnectState where createdAt < :t").setParameter("t", now.minus(LIFETIME))
        .executeUpdate();
    ConnectState c = new ConnectState();
    String state = random(32);
    String binding = random(32);
    String verifier = pkce ? random(48) : null;
    c.stateHash = sha256(state);
    c.platform = platform;
    c.channelCode = channelCode;
    c.userName = userName;
    c.bindingHash = sha256(binding);
    c.sealedVerifier = verifier == null ? null : box.seal(verifier, "connect_state:" + c.stateHash);
    c.createdAt = now;
    s.persist(c);
    return new Started(state, binding, verifier);
  }

  /**
   * Takes the flow of {@code state} once: it is deleted whatever the outcome, so a replayed callback finds
   * nothing. The binding must be the one handed out with the state, in the same browser.
   */
  public static Result consume(Session s, SecretBox box, String platform, String state, String binding,
      Instant now) {
    if (state == null || state.isBlank()) {
      return new Result(Optional.empty(), Optional.of(Refusal.UNKNOWN_OR_USED));
    }
    ConnectState c = s.get(ConnectState.class, sha256(state));
    if (c == null) {
      return new Result(Optional.empty(), Optional.of(Refusal.UNKNOWN_OR_USED));
    }
    s.remove(c);
    s.flush();
    if (binding == null || !MessageDigest.isEqual(sha256(binding).getBytes(StandardCharsets.US_ASCII),
        c.bindingHash.getBytes(StandardCharsets.US_ASCII))) {
      return new Result(Optional.empty(), Optional.of(Refusal.OTHER_BROWSER));
    }
    if (c.createdAt.plus(LIFETIME).isBefore(now)) {
      return new Result(Optional.empty(), Optional.of(Refusal.EXPIRED));
    }
    if (!c.platform.equals(platform)) {
      return new Result(Optional.empty(), Optional.of(Refusal.OTHER_PLATFORM));
    }
    String verifier = c.sealedVerifier == null ? null : box.open(c.sealedVerifier, "connect_state:" + c.stateHash);
    return new Result(Optional.of(new Consumed(c.platform, c.channelCode, c.userName, verifier)), Optional.empty());
  }

  /** Either the consumed flow or why it was refused. */
  public record Result(Optional<Consumed> flow, Optional<Refusal> refusal) {}

  /** The PKCE S256 challenge of a verifier (RFC 7636). */
  public static String challenge(String verifier) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
