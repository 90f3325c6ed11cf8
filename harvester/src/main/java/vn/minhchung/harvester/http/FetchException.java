package vn.minhchung.harvester.http;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A request that produced no usable answer after its retries; {@link Reason} says why. */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Why the fetch failed; {@code ADDRESS_REFUSED}: the URL or a redirect leads to an internal address
   * ({@link AddressPolicy}).
   */
  public enum Reason { TIMEOUT, NETWORK, TOO_LARGE, TOO_MANY_REDIRECTS, RATE_LIMITED, INTERRUPTED, ADDRESS_REFUSED }

  private final Reason reason;
  private final URI uri;
  private final transient Instant retryAfter;

  public FetchException(Reason reason, URI uri, String message, Instant retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.uri = uri;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public URI uri() {
    return uri;
  }

  public Optional<Instant> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
