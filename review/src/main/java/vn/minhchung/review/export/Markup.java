package vn.minhchung.review.export;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Escaping for the HTML and WordprocessingML the dossier writes: every database value passes through here. */
final class Markup {
  private Markup() {}

  /** Text safe as element content or a quoted attribute value, with characters XML forbids removed. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000) {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.toString();
  }

  /** The URL when it is an absolute http(s) address, so a stored "javascript:" URL never becomes a link. */
  static Optional<String> webUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          ? Optional.of(u.toASCIIString()) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
