package vn.minhchung.config.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads interaction counts as Vietnamese and English pages show them: "1.234" (dot groups thousands),
 * "1,2K", "1,2 N", "1,2 nghìn", "2,5 Tr", "2,5 triệu", "1 T" (tỷ), English "1.2K" and "1,234", plain numbers,
 * with a label before a colon ("Lượt xem: 1.234") or words after ("1,2K lượt thích"). Anything ambiguous or
 * malformed gives empty: a missing count is better than a wrong one.
 */
public final class VietnameseCounts {
  private VietnameseCounts() {}

  private static final Map<String, Long> MULTIPLIERS = Map.ofEntries(
      Map.entry("k", 1_000L), Map.entry("n", 1_000L), Map.entry("nghin", 1_000L), Map.entry("ngan", 1_000L),
      Map.entry("tr", 1_000_000L), Map.entry("trieu", 1_000_000L), Map.entry("m", 1_000_000L),
      Map.entry("t", 1_000_000_000L), Map.entry("ty", 1_000_000_000L), Map.entry("b", 1_000_000_000L));

  /** Number, optional short form, optional trailing words (letters only). */
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern COUNT = Pattern.compile(
      "(\\d[\\d.,]*)\\s*(k|n|nghin|ngan|tr|trieu|m|t|ty|b)?(?=\\s|$)(?:\\s+[\\p{L}][\\p{L} ]*)?");
  private static final Pattern GROUPED_DOT = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
  private static final Pattern GROUPED_COMMA = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
  private static final Pattern DECIMAL = Pattern.compile("(\\d{1,4})(?:[.,](\\d{1,2}))?");

  /**
   * A count as shown with its precision: {@code low} is the value the text names, {@code high} the largest value
   * the platform would still show that way (Facebook truncates: "1,2K" is 1,200–1,299, "12K" 12,000–12,999); an
   * exact number has {@code low == high}.
   */
  public record Range(long low, long high) {
    public boolean exact() {
      return low == high;
    }
  }

  /** The count in the text, or empty when there is none or it cannot be read without guessing. */
  public static OptionalLong parse(String text) {
    return range(text).map(r -> OptionalLong.of(r.low())).orElse(OptionalLong.empty());
  }

  /** The count in the text with its precision, or empty like {@link #parse}. */
  public static Optional<Range> range(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = VietnameseText.stripDiacritics(VietnameseText.nfc(text)).toLowerCase(Locale.ROOT)
        .replace('\u00a0', ' ').transform(x -> SPACES.matcher(x).replaceAll(" ")).strip();
    int colon = t.lastIndexOf(':');
    if (colon >= 0) {
      t = t.substring(colon + 1).strip();
    }
    Matcher m = COUNT.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    String number = m.group(1);
    String suffix = m.group(2);
    try {
      if (suffix == null) {
        OptionalLong v = plain(number);
        return v.isPresent() ? Optional.of(new Range(v.getAsLong(), v.getAsLong())) : Optional.empty();
      }
      long multiplier = MULTIPLIERS.get(suffix);
      OptionalLong v = scaled(number, multiplier);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      Matcher d = DECIMAL.matcher(number);
      int decimals = d.matches() && d.group(2) != null ? d.group(2).length() : 0;
      long step = multiplier / (decimals == 0 ? 1 : decimals == 1 ? 10 : 100);
      return Optional.of(new Range(v.getAsLong(), Math.addExact(v.getAsLong(), step - 1)));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * How a platform shows a count of this precision, in Vietnamese: an exact count with dot groups ("1.234"), a
   * shortened one as read ("1,2K", "12K", "2,5 Tr", "1,1 T").
   */
  public static String shown(long low, long high) {
    if (high <= low) {
      return grouped(low);
    }
    long step = high - low + 1;
    for (long unit : new long[] {1_000L, 1_000_000L, 1_000_000_000L}) {
      for (int decimals = 0; decimals <= 2; decimals++) {
        long s = unit / (decimals == 0 ? 1 : decimals == 1 ? 10 : 100);
        if (s == step && low % s == 0) {
          String n = BigDecimal.valueOf(low).divide(BigDecimal.valueOf(unit)).setScale(decimals).toPlainString()
              .replace('.', ',');
          return n + (unit == 1_000L ? "K" : unit == 1_000_000L ? " Tr" : " T");
        }
      }
    }
    return grouped(low) + "–" + grouped(high);
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
  }

  private static OptionalLong plain(String n) {
    if (n.chars().allMatch(Character::isDigit)) {
      return n.length() > 15 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(n));
    }
    if (GROUPED_DOT.matcher(n).matches() || GROUPED_COMMA.matcher(n).matches()) {
      String digits = n.replace(".", "").replace(",", "");
      return digits.length() > 15 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(digits));
    }
    return OptionalLong.empty();
  }

  private static OptionalLong scaled(String n, long multiplier) {
    Matcher d = DECIMAL.matcher(n);
    if (!d.matches()) {
      return OptionalLong.empty();
    }
    String dec = d.group(1) + (d.group(2) == null ? "" : "." + d.group(2));
    BigDecimal v = new BigDecimal(dec).multiply(BigDecimal.valueOf(multiplier));
    return OptionalLong.of(v.longValueExact());
  }
}
