package vn.minhchung.review.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform side of the connect flows, which the review module must not depend on: the consent page's address,
 * and the exchange of a callback's code for tokens that are then stored on the channels' accounts. {@code serve}
 * passes the harvester's implementation; without one the "Kết nối" buttons are not shown.
 */
public interface AccountConnect {

  /** Why connecting {@code platform} is not possible with these settings (e.g. no app id), empty when it is. */
  Optional<String> notReady(String platform);

  /**
   * Whether the settings hold a platform-wide credential (a system-user token, an API key) that channels without
   * an account of their own use.
   */
  boolean platformWide(String platform);

  /** The platform's consent page for one flow. {@code codeChallenge} is the PKCE S256 challenge, or null. */
  URI authorizeUrl(String platform, String state, String codeChallenge, URI redirectUri);

  /**
   * Exchanges the callback's code (and, for Zalo, the PKCE verifier) and stores the accounts it grants.
   * @param callback the callback's query parameters ({@code code}, {@code oa_id} …)
   * @throws ConnectFailed with a message for the person who clicked, naming what to do
   */
  Outcome complete(String platform, Map<String, String> callback, String channelCode, String codeVerifier,
      URI redirectUri, String actor);

  /** A Page the granting user manages that is not registered: offered as a new channel. */
  record Offered(String id, String name, String url) {}

  /** What a flow connected: channel codes, Pages offered as new channels, and remarks for the admin. */
  record Outcome(List<String> connected, List<Offered> offered, List<String> remarks) {}

  /** The platform refused or the grant does not fit the channel; the message says what to do. */
  final class ConnectFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectFailed(String message) {
      super(message);
    }

    public ConnectFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
