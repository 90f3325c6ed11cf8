package vn.minhchung.harvester.connector.web.date;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.minhchung.config.text.VietnameseText;

/**
 * Reads one absolute date from a short text as pages write it: ISO-8601, Vietnamese ("Chủ Nhật, 15/11/2026
 * 09:15", "15 tháng 11 năm 2026", "08:30 14/04/2026 GMT+7"), RFC 822, {@code d. Month yyyy} (German),
 * {@code Month d, yyyy} and {@code d Month yyyy} (English, French, Spanish), numeric day-first or month-first as
 * the caller says. The result keeps the local date, the time when written and the offset when written; the
 * caller resolves it in the page's zone. Pure.
 */
public final class DateText {
  private DateText() {}

  /** A date as written: {@code time} null when no time was given, {@code offset} null when no zone was given. */
  public record Reading(LocalDate date, LocalTime time, ZoneOffset offset, boolean ambiguousOrder) {}

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Map<String, Integer> MONTH_NAMES = months();
  private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:[t ]+(\\d{1,2}):(\\d{2})"
      + "(?::(\\d{2})(?:[.,]\\d{1,9})?)?\\s*(z(?![a-z])|[+-]\\d{2}(?::?\\d{2})?(?!\\d))?)?(?!\\d)");
  private static final Pattern VI_WORDS = Pattern.compile(
      "(?<!\\d)(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*,\\s*|\\s+nam\\s+|\\s+|\\s*/\\s*)(\\d{4})(?!\\d)");
  /** A word where a month name may stand; checked against {@link #MONTH_NAMES} (one regex of every name is slow). */
  private static final Pattern DMY_WORDS = Pattern.compile(
      "(?<!\\d)(\\d{1,2})(?:er|st|nd|rd|th)?\\.?\\s+(?:de\\s+)?([a-z]{3,9})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");
  private static final Pattern MDY_WORDS = Pattern.compile(
      "(?<![a-z])([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
  private static final Pattern NUM = Pattern.compile(
      "(?<![\\d/.-])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?![\\d/])");
  private static final Pattern TIME = Pattern.compile("(?<![\\d/.:-])(\\d{1,2})\\s*(?::|h|gio)\\s*(\\d{2})"
      + "(?:\\s*:\\s*(\\d{2}))?(?![\\d/])(?:\\s*(sa|ch|am|pm|a\\.m\\.|p\\.m\\.)(?![a-z]))?");
  private static final Pattern ZONE = Pattern.compile("^[\\s,(|\\-]*(?:(?:gmt|utc)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?"
      + "|([+-])(\\d{2}):?(\\d{2})(?!\\d)|(gmt|utc|z)(?![a-z+-])|(ict)(?![a-z]))");

  /** Lower case, no diacritics, single spaces (NBSP included). */
  public static String normal(String s) {
    String d = VietnameseText.stripDiacritics(VietnameseText.nfc(s)).toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    return SPACES.matcher(d).replaceAll(" ").strip();
  }

  /** The first date of {@code text}; numeric dates with '/' or '-' are month-first when {@code monthFirst}. */
  public static Optional<Reading> read(String text, boolean monthFirst) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return readNormal(normal(text), monthFirst).map(Found::reading);
  }

  /** A reading and where in the normalized text its date stood. */
  record Found(Reading reading, int start, int end) {}

  static Optional<Found> readNormal(String t, boolean monthFirst) {
    Matcher best = null;
    int kind = -1;
    Pattern[] patterns = {ISO, VI_WORDS, DMY_WORDS, MDY_WORDS, NUM};
    boolean monthWord = hasMonthWord(t);
    for (int k = 0; k < patterns.length; k++) {
      if (k == 1 && !t.contains("thang") || (k == 2 || k == 3) && !monthWord) {
        continue;
      }
      Matcher m = patterns[k].matcher(t);
      int monthGroup = k == 2 ? 2 : k == 3 ? 1 : 0;
      boolean found = m.find();
      while (found && monthGroup > 0 && !MONTH_NAMES.containsKey(m.group(monthGroup))) {
        found = m.find();
      }
      if (found && (best == null || m.start() < best.start())) {
        best = m;
        kind = k;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    try {
      Reading r = switch (kind) {
        case 0 -> iso(best);
        case 1 -> withTime(t, best, date(best.group(3), best.group(2), best.group(1)), false);
        case 2 -> withTime(t, best, date(best.group(3), MONTH_NAMES.get(best.group(2)), best.group(1)), false);
        case 3 -> withTime(t, best, date(best.group(3), MONTH_NAMES.get(best.group(1)), best.group(2)), false);
        default -> numeric(t, best, monthFirst);
      };
      return Optional.of(new Found(r, best.start(), best.end()));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The first letters of every month name: the word patterns run only when one of them is in the text. */
  private static final String[] MONTH_STEMS = {"jan", "fe", "mar", "maer", "ap", "av", "ab", "may", "mai", "jun",
      "juin", "jul", "juil", "au", "ao", "ag", "sep", "oct", "okt", "nov", "dec", "dez", "dic", "ene"};

  private static boolean hasMonthWord(String t) {
    for (String stem : MONTH_STEMS) {
      if (t.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  private static Reading numeric(String t, Matcher m, boolean monthFirst) {
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    boolean orderMatters = !m.group(2).equals(".");
    boolean mf = monthFirst && orderMatters;
    boolean ambiguous = orderMatters && a <= 12 && b <= 12 && a != b;
    LocalDate d = mf ? date(m.group(4), a, String.valueOf(b)) : date(m.group(4), b, String.valueOf(a));
    return withTime(t, m, d, ambiguous);
  }

  private static Reading iso(Matcher m) {
    LocalDate date = date(m.group(1), Integer.parseInt(m.group(3)), m.group(4));
    if (m.group(5) == null) {
      return new Reading(date, null, null, false);
    }
    LocalTime time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
        m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
    String z = m.group(8);
    ZoneOffset offset = null;
    if (z != null) {
      if (z.equals("z")) {
        offset = ZoneOffset.UTC;
      } else {
        String digits = z.substring(1).replace(":", "");
        offset = offset(z.substring(0, 1), digits.substring(0, 2), digits.length() > 2 ? digits.substring(2) : null);
      }
    }
    return new Reading(date, time, offset, false);
  }

  /** The time written right after the date (or else right before it), and a zone written right after the time. */
  private static Reading withTime(String t, Matcher date, LocalDate d, boolean ambiguous) {
    int afterEnd = Math.min(t.length(), date.end() + 30);
    Matcher tm = TIME.matcher(t).region(date.end(), afterEnd);
    boolean found = tm.find();
    if (!found) {
      tm = TIME.matcher(t).region(Math.max(0, date.start() - 25), date.start());
      found = tm.find();
    }
    if (!found) {
      return new Reading(d, null, zone(t, date.end()), ambiguous);
    }
    return new Reading(d, time(tm), zone(t, Math.max(tm.end(), date.end())), ambiguous);
  }

  private static ZoneOffset zone(String t, int from) {
    Matcher z = ZONE.matcher(t).region(from, Math.min(t.length(), from + 16));
    if (!z.find()) {
      return null;
    }
    if (z.group(1) != null) {
      return offset(z.group(1), z.group(2), z.group(3));
    }
    if (z.group(4) != null) {
      return offset(z.group(4), z.group(5), z.group(6));
    }
    return z.group(7) != null ? ZoneOffset.UTC : ZoneOffset.ofHours(7);
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
      boolean pm = half.equals("ch") || half.startsWith("p");
      h = h % 12 + (pm ? 12 : 0);
    }
    return LocalTime.of(h, min, s);
  }

  private static LocalDate date(String year, int month, String day) {
    int y = Integer.parseInt(year);
    if (y < 1990 || y > 2100) {
      throw new DateTimeException("year out of range: " + y);
    }
    return LocalDate.of(y, month, Integer.parseInt(day));
  }

  private static LocalDate date(String year, String month, String day) {
    return date(year, Integer.parseInt(month), day);
  }

  private static ZoneOffset offset(String sign, String hours, String minutes) {
    int total = Integer.parseInt(hours) * 3600 + (minutes == null ? 0 : Integer.parseInt(minutes) * 60);
    return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[][] names = {
        {"january", "jan", "janvier", "januar", "janv", "enero", "jänner"},
        {"february", "feb", "fevrier", "februar", "fev", "fevr", "febrero"},
        {"march", "mar", "mars", "marz", "maerz", "marzo"},
        {"april", "apr", "avril", "avr", "abril"},
        {"may", "mai", "mayo"},
        {"june", "jun", "juin", "juni", "junio"},
        {"july", "jul", "juillet", "juil", "juli", "julio"},
        {"august", "aug", "aout", "agosto"},
        {"september", "sep", "sept", "septembre", "septiembre"},
        {"october", "oct", "octobre", "oktober", "okt", "octubre"},
        {"november", "nov", "novembre", "noviembre"},
        {"december", "dec", "decembre", "dezember", "dez", "diciembre"}};
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(normal(n), i + 1);
      }
    }
    return m;
  }
}
