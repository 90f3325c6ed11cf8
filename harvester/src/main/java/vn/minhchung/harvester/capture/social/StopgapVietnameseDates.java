package vn.minhchung.harvester.capture.social;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-gap reader of post dates as Facebook shows them in Vietnamese ("Hôm qua lúc 10:30", "14 tháng 4 lúc
 * 08:30", "2 giờ"), kept private to capture until the shared {@code vn.minhchung.config.text.VietnameseDates}
 * lands; the integrator replaces the calls with it. Relative dates are resolved against {@code now}.
 */
public final class StopgapVietnameseDates {
  private static final Pattern TIME = Pattern.compile("lúc\\s+(\\d{1,2}):(\\d{2})");
  private static final Pattern DAY_MONTH = Pattern.compile(
      "^(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:,?\\s+(?:năm\\s+)?(\\d{4}))?");
  private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern RELATIVE = Pattern.compile("^(\\d+)\\s*(phút|giờ|ngày|tuần|p|g|h|m|d)\\b",
      Pattern.UNICODE_CHARACTER_CLASS);

  private StopgapVietnameseDates() {}

  public static Optional<ZonedDateTime> parse(String shown, ZonedDateTime now) {
    if (shown == null) {
      return Optional.empty();
    }
    String s = shown.strip().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    LocalTime time = timeOf(s).orElse(LocalTime.MIDNIGHT);
    if (s.startsWith("vừa xong")) {
      return Optional.of(now.truncatedTo(ChronoUnit.MINUTES));
    }
    if (s.startsWith("hôm nay")) {
      return Optional.of(now.with(time).truncatedTo(ChronoUnit.MINUTES));
    }
    if (s.startsWith("hôm qua")) {
      return Optional.of(now.minusDays(1).with(time).truncatedTo(ChronoUnit.MINUTES));
    }
    Matcher m = DAY_MONTH.matcher(s);
    if (m.find()) {
      return dated(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), time, now);
    }
    m = NUMERIC.matcher(s);
    if (m.find()) {
      return dated(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), time, now);
    }
    m = RELATIVE.matcher(s);
    if (m.find()) {
      long n = Long.parseLong(m.group(1));
      ZonedDateTime t = switch (m.group(2)) {
        case "phút", "p", "m" -> now.minusMinutes(n);
        case "giờ", "g", "h" -> now.minusHours(n);
        case "ngày", "d" -> now.minusDays(n);
        default -> now.minusWeeks(n);
      };
      return Optional.of(t.truncatedTo(ChronoUnit.MINUTES));
    }
    return Optional.empty();
  }

  private static Optional<LocalTime> timeOf(String s) {
    Matcher m = TIME.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    return h < 24 && min < 60 ? Optional.of(LocalTime.of(h, min)) : Optional.empty();
  }

  private static Optional<ZonedDateTime> dated(int day, int month, String year, LocalTime time, ZonedDateTime now) {
    try {
      int y = year != null ? Integer.parseInt(year) : now.getYear();
      ZonedDateTime t = LocalDate.of(y, month, day).atTime(time).atZone(now.getZone());
      // Without a year Facebook means the last such day: a date ahead of now is last year's.
      return Optional.of(year == null && t.isAfter(now) ? t.minusYears(1) : t);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
