package vn.minhchung.harvester.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.config.text.VietnameseText;

/**
 * Confirms that the captured element shows the post date and every count. The text is read from the element's
 * box in the browser, so what the check sees is what the screenshot shows. The comparison is by meaning, not
 * by spelling, because the harvest often read the facts from an API while the page shows them its own way:
 *
 * <ul>
 *   <li><b>Date.</b> When the post time is known ({@link ShownFacts#postedAt()}), the date is visible when some
 *       date expression in the element text ("22/11/2026", "22 tháng 11", "22 tháng 11, 2026 lúc 19:05",
 *       "22 thg 11, 2026", "Hôm qua lúc 10:30", "2 giờ" …, read by {@link VietnameseDates} relative to the capture
 *       time) falls on the same calendar day in Asia/Ho_Chi_Minh as the post time. A relative "N phút / giờ /
 *       ngày / tuần" (alone on its line, as platforms show it) also matches when the post time lies within one
 *       such unit before the time it stands for. Only when no post time is known is the date text itself looked
 *       for (case, diacritics and spacing ignored).</li>
 *   <li><b>Counts.</b> A count is visible when some number in the element text, read by
 *       {@link VietnameseCounts} ("1.444", "1,4K", "1,4 N", "1,4 nghìn", "2,5 Tr"), is consistent with the
 *       expected value. A shortened number stands for the values that round or truncate to it ("1,4K" is
 *       1,350–1,499); a number may follow a word directly ("bình luận258": inline boxes in innerText); the page
 *       may show more than the harvest read, since counts grow between the read and the capture, by at most
 *       10 % + 10 of the expected value, but never less (beyond its rounding). Numbers inside dates and times
 *       ("22/11", "19:05") are not counts. An expected count of 0 is always met: platforms hide zero counts.
 *       Facts without any count (read from the page itself) report the counts as missing.</li>
 * </ul>
 * Pure: the capture time is passed in.
 */
public final class VisibilityCheck {
  public static final String MISSING_DETAIL = "thiếu ngày đăng / lượt tương tác";

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
  private static final Pattern SEGMENT_BREAK = Pattern.compile("[\\n\\r·•|]+");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0\\u202f]+");
  private static final Pattern MONTH_ABBREVIATION = Pattern.compile("\\bthg\\b");
  private static final Pattern NUMERIC_DATE = Pattern.compile(
      "(?<![\\d/.-])\\d{1,2}\\s*([/.-])\\s*\\d{1,2}\\s*\\1\\s*\\d{4}(?:\\s*(?:-|,|luc)?\\s*\\d{1,2}\\s*[:h]\\s*\\d{2})?");
  private static final Pattern WORD_DATE = Pattern.compile(
      "(?<!\\d)\\d{1,2} thang \\d{1,2}(?:(?:\\s*,\\s*| nam )\\d{4})?(?: luc \\d{1,2}:\\d{2})?");
  private static final Pattern DAY_WORD = Pattern.compile("(?:hom qua|hom nay)(?: luc \\d{1,2}:\\d{2})?");
  private static final Pattern AGO = Pattern.compile(
      "(?:khoang )?\\d{1,4}\\s*(phut|gio|ngay|tuan)(?: truoc)?");
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\d.,])(?<!\\d[/:-])(\\d[\\d.,]*)(?:\\s?(k|n|nghin|ngan|tr|trieu|m|t|ty|b)(?![\\p{L}\\d]))?"
          + "(?![\\p{L}\\d])(?![/:-]\\d)",
      Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DECIMALS = Pattern.compile("\\d+[.,](\\d{1,2})");

  private VisibilityCheck() {}

  /** A date found in the element text; {@code slack} is how far before it the post may lie ("2 giờ": one hour). */
  record ShownDate(Instant at, Duration slack) {}

  /** A number found in the element text and the range of values it may stand for. */
  record ShownCount(long low, long high) {}

  /**
   * The facts not found in {@code elementText}, as Vietnamese phrases; empty when all are visible.
   * {@code capturedAt} resolves relative dates ("Hôm qua", "2 giờ").
   */
  public static List<String> missing(ShownFacts facts, String elementText, Instant capturedAt) {
    List<String> out = new ArrayList<>();
    String text = elementText == null ? "" : elementText;
    if (facts.postedAt().isPresent()) {
      Instant expected = facts.postedAt().get();
      if (!dateVisible(expected, text, capturedAt)) {
        out.add("ngày đăng " + DMY.format(expected.atZone(VietnameseDates.ZONE)));
      }
    } else if (facts.postedAtText().isEmpty()) {
      out.add("ngày đăng");
    } else if (!squash(VietnameseText.foldPlain(text)).contains(squash(VietnameseText.foldPlain(
        facts.postedAtText().get())))) {
      out.add("ngày đăng \"" + facts.postedAtText().get() + "\"");
    }
    if (facts.counts().isEmpty()) {
      out.add("lượt tương tác");
    }
    List<ShownCount> shown = countsIn(text);
    for (Map.Entry<String, String> c : facts.counts().entrySet()) {
      Optional<ShownCount> want = count(c.getValue());
      boolean zero = want.isPresent() && want.get().high() == 0;
      if (!zero && (want.isEmpty() || shown.stream().noneMatch(s -> consistent(s, want.get())))) {
        out.add(ShownFacts.label(c.getKey()).toLowerCase(Locale.ROOT) + " \"" + c.getValue() + "\"");
      }
    }
    return out;
  }

  /**
   * For a page that is not a social post (a news article, a watched page): only the facts the harvest read must
   * be visible, each as {@link #missing} compares it; an unknown date or an empty set of counts asks for nothing.
   */
  public static List<String> missingKnown(ShownFacts facts, String elementText, Instant capturedAt) {
    if (facts.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(missing(facts, elementText, capturedAt));
    if (facts.postedAt().isEmpty() && facts.postedAtText().isEmpty()) {
      out.remove("ngày đăng");
    }
    if (facts.counts().isEmpty()) {
      out.remove("lượt tương tác");
    }
    return out;
  }

  /** The status detail for a capture with missing facts. */
  public static String detail(List<String> missing) {
    return MISSING_DETAIL + " (không thấy: " + String.join(", ", missing) + ")";
  }

  static boolean dateVisible(Instant expected, String text, Instant capturedAt) {
    LocalDate day = expected.atZone(VietnameseDates.ZONE).toLocalDate();
    for (ShownDate d : datesIn(text, capturedAt)) {
      boolean sameDay = d.at().atZone(VietnameseDates.ZONE).toLocalDate().equals(day);
      boolean withinUnit = !expected.isAfter(d.at().plusSeconds(60)) && !expected.isBefore(d.at().minus(d.slack()));
      if (sameDay || withinUnit) {
        return true;
      }
    }
    return false;
  }

  /** Every date expression in the text, resolved against {@code now}. */
  static List<ShownDate> datesIn(String text, Instant now) {
    List<ShownDate> out = new ArrayList<>();
    for (String segment : SEGMENT_BREAK.split(normal(text))) {
      String s = segment.strip();
      if (s.isEmpty()) {
        continue;
      }
      Matcher ago = AGO.matcher(s);
      Duration slack = ago.matches() ? unit(ago.group(1)) : Duration.ZERO;
      VietnameseDates.parse(s, now).ifPresent(d -> out.add(new ShownDate(d.instant(), slack)));
      for (Pattern p : List.of(NUMERIC_DATE, WORD_DATE, DAY_WORD)) {
        Matcher m = p.matcher(s);
        while (m.find()) {
          VietnameseDates.parse(m.group(), now).ifPresent(d -> out.add(new ShownDate(d.instant(), Duration.ZERO)));
        }
      }
    }
    return out;
  }

  /** Every number in the text that reads as a count, with the range it stands for. */
  static List<ShownCount> countsIn(String text) {
    List<ShownCount> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(normal(text));
    while (m.find()) {
      String number = m.group(1).replaceAll("[.,]+$", "");
      count(m.group(2) == null ? number : number + " " + m.group(2)).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The values a shown count stands for: exact for a plain number; for "1,4K" both what rounds to it and what
   * truncates to it (Facebook truncates: 1,890 is shown as "1,8K"), so 1,350–1,499.
   */
  static Optional<ShownCount> count(String shown) {
    OptionalLong value = VietnameseCounts.parse(shown);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    long v = value.getAsLong();
    Matcher n = NUMBER.matcher(normal(shown).strip());
    if (!n.find() || n.group(2) == null) {
      return Optional.of(new ShownCount(v, v));
    }
    long multiplier = VietnameseCounts.parse("1 " + n.group(2)).orElse(1);
    Matcher d = DECIMALS.matcher(n.group(1));
    long step = d.matches() ? multiplier / (d.group(1).length() == 1 ? 10 : 100) : multiplier;
    return Optional.of(new ShownCount(Math.max(0, v - step / 2), v + step - 1));
  }

  /** Whether what the page shows fits what the harvest read, allowing for growth since the read. */
  static boolean consistent(ShownCount shown, ShownCount expected) {
    long growth = expected.high() / 10 + 10;
    return shown.high() >= expected.low() && shown.low() <= expected.high() + growth;
  }

  private static Duration unit(String word) {
    return switch (word) {
      case "phut" -> Duration.ofMinutes(1);
      case "gio" -> Duration.ofHours(1);
      case "ngay" -> Duration.ofDays(1);
      default -> Duration.ofDays(7);
    };
  }

  /** Lower case without diacritics, "thg" spelled out, single spaces; line breaks kept (they separate facts). */
  private static String normal(String s) {
    String t = VietnameseText.stripDiacritics(VietnameseText.nfc(s)).toLowerCase(Locale.ROOT);
    t = SPACES.matcher(t).replaceAll(" ");
    return MONTH_ABBREVIATION.matcher(t).replaceAll("thang");
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
