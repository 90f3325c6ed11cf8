package vn.minhchung.harvester.connector.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One spelling per page, so the same article found through RSS, a sitemap and a listing is one post: http/https
 * kept, scheme and host lower case, default port dropped, fragment dropped, tracking parameters removed
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code zarsrc}, {@code zaloid} …), remaining query parameters
 * sorted, empty path → "/", a trailing slash dropped (except for "/"), dot segments resolved; other segments are
 * kept as written ("//" and an embedded "/http://…" stay). Pure.
 */
public final class UrlCanonicalizer {
  private UrlCanonicalizer() {}

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
      "zarsrc", "zaloid", "zalo_source", "_hsenc", "_hsmi", "mc_cid", "mc_eid", "igshid", "yclid", "ref_src",
      "__tn__", "__cft__", "mibextid", "sfnsn", "s_cid", "ncid", "cmpid", "trk", "oly_enc_id", "vero_id");

  /** The canonical form, or empty when the text is not an absolute http(s) URL. */
  public static Optional<String> canonical(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI u;
    try {
      // Not URI.normalize(): it collapses "//" and turns an embedded "/http://" into "/http:/".
      u = new URI(url.strip().replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
      return Optional.empty();
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = u.getPort();
    boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : removeDotSegments(u.getRawPath());
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    StringBuilder sb = new StringBuilder(scheme).append("://");
    if (u.getRawUserInfo() != null) {
      sb.append(u.getRawUserInfo()).append('@');
    }
    sb.append(host);
    if (!defaultPort) {
      sb.append(':').append(port);
    }
    sb.append(path);
    String query = query(u.getRawQuery());
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    return Optional.of(sb.toString());
  }

  /** Resolves {@code href} against {@code base}, then canonicalises; empty for javascript:, mailto: and junk. */
  public static Optional<String> resolve(URI base, String href) {
    if (href == null || href.isBlank()) {
      return Optional.empty();
    }
    try {
      return canonical(base.resolve(href.strip().replace(" ", "%20")).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code href} resolved against {@code base} as an absolute http(s) URL without fragment, spelled as the site
   * spells it (for fetching; use {@link #canonical} for identity); empty for javascript:, mailto: and junk.
   */
  public static Optional<String> absolute(URI base, String href) {
    if (href == null || href.isBlank()) {
      return Optional.empty();
    }
    try {
      URI u = base.resolve(href.strip().replace(" ", "%20"));
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        return Optional.empty();
      }
      String s = u.toString();
      int hash = s.indexOf('#');
      return Optional.of(hash >= 0 ? s.substring(0, hash) : s);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** RFC 3986 §5.2.4: "." and ".." segments resolved, every other segment (empty ones too) kept as written. */
  static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    List<String> out = new ArrayList<>();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) {
          out.add("");
        }
      } else if (s.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(s);
      }
    }
    return "/" + String.join("/", out);
  }

  private static String query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    kept.sort(null);
    return String.join("&", kept);
  }
}
