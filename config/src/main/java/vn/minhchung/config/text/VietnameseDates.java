package vn.minhchung.config.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as Vietnamese pages, feeds and social platforms show them: absolute ("Thứ Ba, 14/04/2026 - 08:30",
 * "14/04/2026 08:30 GMT+7", "08:30 14/04/2026", "14-04-2026 | 08:30", "14 tháng 4, 2025", RSS
 * "Mon, 14 Sep 2026 09:43:55 +0700", ISO-8601 with or without offset) and relative ("Vừa xong", "5 phút",
 * "3 giờ trước", "Hôm qua lúc 10:30", "14 tháng 4 lúc 08:30", "Thứ Hai lúc 09:15"), resolved against a given
 * instant. A date without a zone is in Asia/Ho_Chi_Minh. Text in NFC or NFD, any case. Pure: never reads the clock.
 */
public final class VietnameseDates {
  private VietnameseDates() {}

  /** The zone of every Vietnamese date without an explicit offset. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** A date read from text, with the text it came from (trimmed, NFC). */
  public record ParsedDate(Instant instant, String text) {}

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?)?\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern RFC822 = Pattern.compile(
      "(?:[a-z]{3},?\\s+)?(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{4})"
          + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(gmt|ut|utc|z|ict|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern DATE_NUM = Pattern.compile(
      "(?<![\\d/.-])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)");
  private static final Pattern DATE_WORDS = Pattern.compile(
      "(?<!\\d)(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*,\\s*|\\s+nam\\s+|\\s+)(\\d{4})(?!\\d)");
  private static final Pattern TIME = Pattern.compile(
      "(?<![\\d/.-])(\\d{1,2})\\s*(?::|h|gio)\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?(?!\\d)(?:\\s*(sa|ch|am|pm)\\b)?");
  private static final Pattern ZONE_TEXT = Pattern.compile(
      "(?:gmt|utc)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?|(?<![\\d:])([+-])(\\d{2}):?(\\d{2})(?!\\d)");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private static final Pattern JUST_NOW = Pattern.compile("(?:vua xong|vua moi dang|vua moi|just now|now)");
  private static final Pattern AGO = Pattern.compile(
      "(?:khoang\\s+)?(\\d{1,4})\\s*(giay|phut|gio|ngay|tuan|thang|nam|seconds?|minutes?|mins?|hours?|hrs?|days?"
          + "|weeks?|months?|years?)(\\s+truoc|\\s+ago)?");
  private static final Pattern DAY_WORD_AT = Pattern.compile(
      "(hom qua|hom nay|yesterday|today)(?:\\s+(?:luc|at))?(?:\\s+(\\d{1,2})\\s*[:h]\\s*(\\d{2}))?");
  private static final Pattern DAY_MONTH_AT = Pattern.compile(
      "(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+(?:luc|at)\\s+(\\d{1,2})\\s*[:h]\\s*(\\d{2}))?");
  private static final Pattern WEEKDAY_AT = Pattern.compile(
      "(thu\\s+(?:hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|chu\\s+nhat|cn)(?:\\s+(?:luc|at))?\\s+(\\d{1,2})\\s*[:h]\\s*(\\d{2})");

  /** An absolute date, else a relative one resolved against {@code now}; empty when the text holds neither. */
  public static Optional<ParsedDate> parse(String text, Instant now) {
    Optional<ParsedDate> abs = parseAbsolute(text);
    return abs.isPresent() ? abs : parseRelative(text, now);
  }

  /** A date with a four-digit year somewhere in the text (surrounding words are ignored). */
  public static Optional<ParsedDate> parseAbsolute(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String shown = VietnameseText.nfc(text).strip();
    String t = normal(shown);
    try {
      return absolute(t).map(i -> new ParsedDate(i, shown));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A relative time ("2 giờ", "Hôm qua lúc 10:30" …) resolved against {@code now} in Asia/Ho_Chi_Minh. */
  public static Optional<ParsedDate> parseRelative(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String shown = VietnameseText.nfc(text).strip();
    String t = normal(shown);
    try {
      return relative(t, now.atZone(ZONE)).map(i -> new ParsedDate(i, shown));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Lower case, no diacritics, single spaces; keeps digits and punctuation. */
  static String normal(String s) {
    String d = VietnameseText.stripDiacritics(s).toLowerCase(Locale.ROOT);
    return d.replace('\u00a0', ' ').transform(x -> SPACES.matcher(x).replaceAll(" ")).strip();
  }

  private static Optional<Instant> absolute(String t) {
    Matcher iso = ISO.matcher(t);
    if (iso.find()) {
      return Optional.of(iso(iso));
    }
    Matcher rfc = RFC822.matcher(t);
    if (rfc.find()) {
      LocalDate date = LocalDate.of(year(rfc.group(3)), MONTHS.indexOf(rfc.group(2)) + 1, Integer.parseInt(rfc.group(1)));
      LocalTime time = rfc.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(rfc.group(4)),
          Integer.parseInt(rfc.group(5)), rfc.group(6) == null ? 0 : Integer.parseInt(rfc.group(6)));
      return Optional.of(LocalDateTime.of(date, time).atZone(rfcZone(rfc.group(7))).toInstant());
    }
    LocalDate date;
    String rest;
    Matcher num = DATE_NUM.matcher(t);
    Matcher words = DATE_WORDS.matcher(t);
    if (num.find()) {
      date = LocalDate.of(year(num.group(4)), Integer.parseInt(num.group(3)), Integer.parseInt(num.group(1)));
      rest = t.substring(0, num.start()) + " | " + t.substring(num.end());
    } else if (words.find()) {
      date = LocalDate.of(year(words.group(3)), Integer.parseInt(words.group(2)), Integer.parseInt(words.group(1)));
      rest = t.substring(0, words.start()) + " | " + t.substring(words.end());
    } else {
      return Optional.empty();
    }
    LocalTime time = LocalTime.MIDNIGHT;
    Matcher tm = TIME.matcher(rest);
    if (tm.find()) {
      time = time(tm);
      rest = rest.substring(tm.end());
    }
    ZoneId zone = ZONE;
    Matcher z = ZONE_TEXT.matcher(rest);
    if (z.find()) {
      zone = z.group(1) != null ? offset(z.group(1), z.group(2), z.group(3)) : offset(z.group(4), z.group(5), z.group(6));
    }
    return Optional.of(LocalDateTime.of(date, time).atZone(zone).toInstant());
  }

  private static Instant iso(Matcher m) {
    LocalDate date = LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    String z = m.group(7);
    ZoneId zone;
    if (z == null) {
      zone = ZONE;
    } else if (z.equals("z")) {
      zone = ZoneOffset.UTC;
    } else {
      String digits = z.substring(1).replace(":", "");
      zone = offset(z.substring(0, 1), digits.substring(0, 2), digits.length() > 2 ? digits.substring(2) : null);
    }
    return LocalDateTime.of(date, time).atZone(zone).toInstant();
  }

  private static LocalTime time(Matcher tm) {
    int h = Integer.parseInt(tm.group(1));
    int min = Integer.parseInt(tm.group(2));
    int s = tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3));
    String half = tm.group(4);
    if (half != null) {
      if (h < 1 || h > 12) {
        throw new DateTimeException("hour " + h + " with " + half);
      }
      boolean pm = half.equals("ch") || half.equals("pm");
      h = h % 12 + (pm ? 12 : 0);
    }
    return LocalTime.of(h, min, s);
  }

  private static ZoneId rfcZone(String z) {
    if (z == null || z.equals("ict")) {
      return ZONE;
    }
    if (z.equals("gmt") || z.equals("ut") || z.equals("utc") || z.equals("z")) {
      return ZoneOffset.UTC;
    }
    String digits = z.substring(1).replace(":", "");
    return offset(z.substring(0, 1), digits.substring(0, 2), digits.substring(2));
  }

  private static ZoneOffset offset(String sign, String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = minutes == null ? 0 : Integer.parseInt(minutes);
    int total = h * 3600 + m * 60;
    return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
  }

  private static int year(String y) {
    int year = Integer.parseInt(y);
    if (year < 1990 || year > 2100) {
      throw new DateTimeException("year out of range: " + year);
    }
    return year;
  }

  private static Optional<Instant> relative(String t, ZonedDateTime now) {
    String s = t.replaceAll("[.,;]+$", "").strip();
    if (JUST_NOW.matcher(s).matches()) {
      return Optional.of(now.toInstant());
    }
    Matcher ago = AGO.matcher(s);
    if (ago.matches()) {
      return ago(Integer.parseInt(ago.group(1)), ago.group(2), ago.group(3) != null, now);
    }
    Matcher day = DAY_WORD_AT.matcher(s);
    if (day.matches()) {
      LocalDate d = now.toLocalDate();
      if (day.group(1).equals("hom qua") || day.group(1).equals("yesterday")) {
        d = d.minusDays(1);
      }
      return Optional.of(at(d, day.group(2), day.group(3)));
    }
    Matcher dm = DAY_MONTH_AT.matcher(s);
    if (dm.matches()) {
      LocalDate d = LocalDate.of(now.getYear(), Integer.parseInt(dm.group(2)), Integer.parseInt(dm.group(1)));
      Instant i = at(d, dm.group(3), dm.group(4));
      // A date shown without a year is within the last twelve months.
      return Optional.of(i.isAfter(now.toInstant().plus(Duration.ofDays(1))) ? at(d.minusYears(1), dm.group(3), dm.group(4)) : i);
    }
    Matcher wd = WEEKDAY_AT.matcher(s);
    if (wd.matches()) {
      DayOfWeek dow = weekday(wd.group(1));
      LocalDate d = now.toLocalDate().with(TemporalAdjusters.previousOrSame(dow));
      Instant i = at(d, wd.group(2), wd.group(3));
      return Optional.of(i.isAfter(now.toInstant()) ? at(d.minusWeeks(1), wd.group(2), wd.group(3)) : i);
    }
    return Optional.empty();
  }

  private static Optional<Instant> ago(int n, String unit, boolean saidAgo, ZonedDateTime now) {
    String u = unit.startsWith("sec") ? "giay" : unit.startsWith("min") ? "phut" : unit.startsWith("h") ? "gio"
        : unit.startsWith("d") ? "ngay" : unit.startsWith("w") ? "tuan" : unit.startsWith("mo") ? "thang"
        : unit.startsWith("y") ? "nam" : unit;
    ZonedDateTime at = switch (u) {
      case "giay" -> now.minusSeconds(n);
      case "phut" -> now.minusMinutes(n);
      case "gio" -> now.minusHours(n);
      case "ngay" -> now.minusDays(n);
      case "tuan" -> now.minusWeeks(n);
      // "3 tháng" alone could be a month name; only "3 tháng trước" is a duration.
      case "thang" -> saidAgo ? now.minusMonths(n) : null;
      case "nam" -> now.minusYears(n);
      default -> null;
    };
    return Optional.ofNullable(at).map(ZonedDateTime::toInstant);
  }

  private static Instant at(LocalDate d, String hour, String minute) {
    LocalTime time = hour == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
    return LocalDateTime.of(d, time).atZone(ZONE).toInstant();
  }

  private static DayOfWeek weekday(String w) {
    String k = w.replace("thu ", "");
    return switch (k) {
      case "hai", "2" -> DayOfWeek.MONDAY;
      case "ba", "3" -> DayOfWeek.TUESDAY;
      case "tu", "4" -> DayOfWeek.WEDNESDAY;
      case "nam", "5" -> DayOfWeek.THURSDAY;
      case "sau", "6" -> DayOfWeek.FRIDAY;
      case "bay", "7" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }

  private static final java.time.format.DateTimeFormatter ISO_OUT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  /** ISO-8601 with the +07:00 offset, e.g. {@code 2026-04-14T08:30:00+07:00}; null stays null. For output. */
  public static String isoLocal(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZONE).format(ISO_OUT);
  }
}
