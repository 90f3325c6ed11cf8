package vn.minhchung.config.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each channel kind accepts: the URL hosts that fit it and its option keys. Documented in the README
 * ("Registry"); a key not listed here is an error so that a typo never silently disables a harvest.
 */
public final class ChannelRules {
  private ChannelRules() {}

  /**
   * Option keys per kind. {@code via} chooses how a platform channel is read; news sites and page watches choose
   * their sources by the options they have, so they take no {@code via}.
   */
  public static final Map<ChannelKind, List<String>> OPTION_KEYS = Map.of(
      ChannelKind.FACEBOOK_PAGE, List.of("via"),
      ChannelKind.ZALO_OA, List.of("via"),
      ChannelKind.YOUTUBE_CHANNEL, List.of("via"),
      ChannelKind.NEWS_SITE, List.of("feedUrl", "sitemapUrl", "listingUrl", "articleLink", "nextLink"),
      ChannelKind.WEB_PAGE, List.of("watchSelector", "watchText", "watchFrom", "watchTo", "listingUrl", "articleLink",
          "nextLink"));

  /**
   * Allowed values of {@code via} per platform kind: {@code api} (the channel's connected account, or the
   * platform-wide credential of the settings), {@code auto} (the default: the API when a credential is there, else
   * what the kind can read without one), {@code browser} (always the public pages, never an account) and, for
   * YouTube, {@code feed} (the keyless Atom feed and watch pages, which is also what {@code browser} reads there).
   */
  public static final Map<ChannelKind, List<String>> VIA_VALUES = Map.of(
      ChannelKind.FACEBOOK_PAGE, List.of("api", "auto", "browser"),
      ChannelKind.ZALO_OA, List.of("api", "auto", "browser"),
      ChannelKind.YOUTUBE_CHANNEL, List.of("api", "auto", "browser", "feed"));

  /** Options whose values are http(s) URLs; the first two may hold several URLs. */
  public static final Set<String> URL_OPTIONS = Set.of("feedUrl", "sitemapUrl", "listingUrl");
  public static final Set<String> MULTI_VALUE_OPTIONS = Set.of("feedUrl", "sitemapUrl");
  public static final Set<String> DATE_OPTIONS = Set.of("watchFrom", "watchTo");

  private static final Map<ChannelKind, List<String>> HOSTS = Map.of(
      ChannelKind.FACEBOOK_PAGE, List.of("facebook.com", "fb.com"),
      ChannelKind.ZALO_OA, List.of("zalo.me"),
      ChannelKind.YOUTUBE_CHANNEL, List.of("youtube.com", "youtu.be"));

  /** Why a URL does not fit a kind, or empty when it fits. */
  public static Optional<String> urlProblem(ChannelKind kind, String url) {
    Optional<URI> uri = httpUri(url);
    if (uri.isEmpty()) {
      return Optional.of("expected an absolute http(s) URL but was '" + url + "'");
    }
    List<String> hosts = HOSTS.get(kind);
    if (hosts == null) {
      return Optional.empty();
    }
    String host = uri.get().getHost().toLowerCase(Locale.ROOT);
    boolean fits = hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    return fits ? Optional.empty() : Optional.of("a " + kind.code() + " URL must be on " + String.join(" or ", hosts)
        + " but the host is " + host);
  }

  /** The URL as a URI when it is absolute http or https with a host. */
  public static Optional<URI> httpUri(String url) {
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return Optional.of(u);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
