package vn.minhchung.harvester.connector;

import java.time.Instant;
import java.util.Optional;

/**
 * The whole channel could not be harvested. {@link Kind} tells the harvest-run service and the scheduler what
 * to do: retry later, wait until {@link #retryAfter()}, or stop and alert staff. The message is for staff
 * (Vietnamese where shown in the UI) and never contains a token or key.
 */
public final class ConnectorException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the channel failed. */
  public enum Kind {
    /** Network trouble, 5xx, timeouts: retry later. */
    TRANSIENT,
    /** The platform throttled us; do not call before {@link #retryAfter()}. */
    RATE_LIMITED,
    /** A token or key was rejected or expired ("token hết hạn"): stop the channel, alert staff. */
    AUTH,
    /** Permission missing for this page/OA/API: stop the channel, alert staff. */
    PERMISSION,
    /** The channel does not exist or is not visible any more. */
    NOT_FOUND,
    /** The registry or settings are wrong for this channel (missing id, bad option). */
    CONFIG,
    /** The platform answered something we cannot read (not JSON, unexpected shape). */
    BAD_RESPONSE,
    /** The daily quota is used up; resume after {@link #retryAfter()}. */
    QUOTA,
    /**
     * A page read through the browser showed a wall instead of the content (login wall, checkpoint, captcha,
     * "content not available", a redirect to the login page): the run ends {@code blocked}, files nothing, and
     * the scheduler backs off before the next automatic run.
     */
    BLOCKED;

    /** Whether a later run may succeed without a person changing anything. */
    public boolean retryable() {
      return this == TRANSIENT || this == RATE_LIMITED || this == QUOTA || this == BAD_RESPONSE;
    }
  }

  private final Kind kind;
  private final transient Instant retryAfter;
  private final boolean revoked;

  public ConnectorException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public ConnectorException(Kind kind, String message, Instant retryAfter, Throwable cause) {
    this(kind, message, retryAfter, cause, false);
  }

  private ConnectorException(Kind kind, String message, Instant retryAfter, Throwable cause, boolean revoked) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
    this.revoked = revoked;
  }

  /** The platform says the grant itself was withdrawn (app removed, password changed): an AUTH failure. */
  public static ConnectorException revoked(String message) {
    return new ConnectorException(Kind.AUTH, message, null, null, true);
  }

  /** Whether the grant was withdrawn rather than the token merely rejected or expired. */
  public boolean isRevoked() {
    return revoked;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Instant> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether a later run may succeed without a person changing anything. */
  public boolean isRetryable() {
    return kind.retryable();
  }
}
