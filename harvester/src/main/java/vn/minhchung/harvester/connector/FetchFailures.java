package vn.minhchung.harvester.connector;

import vn.minhchung.harvester.http.FetchException;

/** Turns a failed HTTP fetch into the channel failure the harvest-run service understands. */
public final class FetchFailures {
  private FetchFailures() {}

  /**
   * Rate limits keep their retry time, oversize bodies are unreadable answers, a refused internal address needs
   * the operator ({@code http.allowHosts} or the channel's URL), everything else (timeouts,
   * network, interruption) is worth a later retry. The message names the URL, which never holds a secret
   * because every connector sends tokens and keys in headers.
   */
  public static ConnectorException of(FetchException e, String channelCode) {
    ConnectorException.Kind kind = switch (e.reason()) {
      case RATE_LIMITED -> ConnectorException.Kind.RATE_LIMITED;
      case TOO_LARGE, TOO_MANY_REDIRECTS -> ConnectorException.Kind.BAD_RESPONSE;
      case ADDRESS_REFUSED -> ConnectorException.Kind.CONFIG;
      case TIMEOUT, NETWORK, INTERRUPTED -> ConnectorException.Kind.TRANSIENT;
    };
    return new ConnectorException(kind, channelCode + ": " + e.getMessage(), e.retryAfter().orElse(null), e);
  }
}
