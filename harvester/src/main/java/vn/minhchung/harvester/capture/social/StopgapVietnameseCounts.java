package vn.minhchung.harvester.capture.social;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-gap reader of counts as Facebook shows them in Vietnamese ("1,2K", "2,5 N", "1,2 Tr", "1.234"), kept
 * private to capture until the shared {@code vn.minhchung.config.text.VietnameseCounts} lands; the integrator
 * replaces the calls with it.
 */
public final class StopgapVietnameseCounts {
  /** A number with an optional decimal part and an optional Vietnamese/English magnitude suffix. */
  static final Pattern COUNT = Pattern.compile(
      "(?<![\\p{L}\\d])(\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s?(K|N|nghìn|ngàn|Tr|triệu|M|Tỷ|tỷ|B)?(?![\\p{L}\\d])",
      Pattern.UNICODE_CHARACTER_CLASS);

  private StopgapVietnameseCounts() {}

  /** The value of a shown count, or empty when the text is not a count. Abbreviated values are approximate. */
  public static OptionalLong parse(String shown) {
    if (shown == null) {
      return OptionalLong.empty();
    }
    Matcher m = COUNT.matcher(shown.strip());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value(m.group(1), m.group(2)));
  }

  /** Every count-looking token in a text, in order. */
  public static List<Long> all(String text) {
    List<Long> out = new ArrayList<>();
    Matcher m = COUNT.matcher(text);
    while (m.find()) {
      out.add(value(m.group(1), m.group(2)));
    }
    return out;
  }

  /**
   * Whether {@code text} shows the count {@code shown}: the same value, whatever the separators ("1,2K",
   * "1.2K", "1,2 N" and "1200" agree).
   */
  public static boolean visibleIn(String shown, String text) {
    OptionalLong want = parse(shown);
    if (want.isEmpty()) {
      return false;
    }
    return all(text).contains(want.getAsLong());
  }

  private static long value(String number, String suffix) {
    long multiplier = suffix == null ? 1 : switch (suffix.toLowerCase(Locale.ROOT)) {
      case "k", "n", "nghìn", "ngàn" -> 1_000L;
      case "tr", "triệu", "m" -> 1_000_000L;
      case "tỷ", "b" -> 1_000_000_000L;
      default -> 1L;
    };
    String digits;
    if (number.matches("\\d{1,3}(?:[.,\\u00a0 ]\\d{3})+") && (multiplier == 1 || !number.matches("\\d+[.,]\\d{3}"))) {
      // Grouped thousands ("1.234", "12 345"): Vietnamese uses '.' for thousands.
      digits = number.replaceAll("[.,\\u00a0 ]", "");
    } else {
      digits = number.replace(',', '.');
    }
    return new BigDecimal(digits).multiply(BigDecimal.valueOf(multiplier)).longValue();
  }
}
