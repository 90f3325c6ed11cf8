package vn.minhchung.review.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;

/** How dates, counts and labels read in the dossier (Vietnamese, dd/MM/yyyy, Asia/Ho_Chi_Minh). */
public final class DossierText {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  /** Strict, so 31/02/2026 is refused instead of becoming 28/02/2026. */
  private static final DateTimeFormatter DAY_INPUT = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(Settings.ZONE);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT).withZone(Settings.ZONE);

  private DossierText() {}

  public static String date(LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }

  public static LocalDate parseDate(String text) {
    return LocalDate.parse(text.trim(), DAY_INPUT);
  }

  public static String minute(Instant t) {
    return t == null ? "" : MINUTE.format(t);
  }

  public static String second(Instant t) {
    return t == null ? "" : SECOND.format(t);
  }

  /** "1.234" (thousands grouped with '.'), or empty when the platform does not show the count. */
  /** A count as {@link #count}, prefixed "khoảng" when it is known only to the precision a page showed it with. */
  public static String counted(Long n, boolean approximate) {
    return approximate ? "khoảng " + count(n) : count(n);
  }

  public static String count(Long n) {
    if (n == null) {
      return "";
    }
    String digits = Long.toString(Math.abs(n));
    StringBuilder b = new StringBuilder(digits.length() + 4);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        b.append('.');
      }
      b.append(digits.charAt(i));
    }
    return (n < 0 ? "-" : "") + b;
  }

  private static final java.util.regex.Pattern MACHINE_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT|^\\s*\\d{10,13}\\s*$");

  /**
   * The date text a platform gave, when it is what a person saw on the page ("Hôm qua lúc 10:30"); null when it
   * is machine text (ISO-8601 such as {@code 2026-11-09T12:05:00+0000}, epoch milliseconds) that the formatted
   * date already says.
   */
  public static String shownOnPage(String text) {
    return text == null || text.isBlank() || MACHINE_DATE.matcher(text).find() ? null : text.strip();
  }

  public static String status(String status) {
    return switch (status) {
      case "approved" -> "Đã duyệt";
      case "rejected" -> "Bị loại";
      default -> "Chờ duyệt";
    };
  }

  public static String channelKind(String kindCode) {
    if (kindCode == null) {
      return "";
    }
    return ChannelKind.fromCode(kindCode).map(ChannelKind::label).orElse(kindCode);
  }
}
