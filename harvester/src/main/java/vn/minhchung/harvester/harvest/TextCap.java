package vn.minhchung.harvester.harvest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.connector.HarvestedPost;

/**
 * Bounds the text a post stores ({@code harvest.maxTextBytes} of UTF-8 for title, lead and body together, in
 * that order): a hostile or broken page must not fill the database. Longer text is cut at a character boundary
 * and the post is flagged {@value #FLAG}. Pure.
 */
final class TextCap {
  static final String FLAG = "text_truncated";

  private TextCap() {}

  /** The post with its text in NFC and within {@code maxBytes}; the same post when nothing had to be cut. */
  static HarvestedPost apply(HarvestedPost p, int maxBytes) {
    String title = VietnameseText.nfc(p.title());
    String lead = VietnameseText.nfc(p.lead());
    String body = VietnameseText.nfc(p.body());
    if (utf8Length(title) + utf8Length(lead) + utf8Length(body) <= maxBytes) {
      return p;
    }
    String t = cut(title, maxBytes);
    String l = cut(lead, maxBytes - utf8Length(t));
    String b = cut(body, maxBytes - utf8Length(t) - utf8Length(l));
    Set<String> flags = new HashSet<>(p.flags());
    flags.add(FLAG);
    return new HarvestedPost(p.platformId(), p.kind(), p.url(), p.canonicalUrl(), t, l, b, p.author(), p.section(),
        p.imageUrl(), p.postedAt(), p.postedAtText(), p.durationSeconds(), p.counts(), flags);
  }

  /** Bytes of title, lead and body in UTF-8. */
  static long textBytes(HarvestedPost p) {
    return utf8Length(p.title()) + utf8Length(p.lead()) + utf8Length(p.body());
  }

  /** The longest prefix of {@code s} whose UTF-8 form fits {@code maxBytes}, never splitting a character. */
  static String cut(String s, int maxBytes) {
    if (s == null) {
      return null;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > maxBytes) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  private static int utf8Length(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
