package vn.minhchung.harvester.capture;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * What a watched page ({@code web_page} channel) must show on one day of its watch period: the element
 * ({@code watchSelector}, CSS) and/or the text ({@code watchText}, compared without diacritics or case), the day,
 * and the period ({@code watchFrom}–{@code watchTo}, each optional). The capture then shoots the element in its
 * page context, or the top of the page when it is not there, and says which in the band.
 */
public record PageWatch(Optional<String> selector, Optional<String> text, LocalDate day, Optional<LocalDate> from,
    Optional<LocalDate> to) {
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

  public PageWatch {
    if (selector.isEmpty() && text.isEmpty()) {
      throw new IllegalArgumentException("a page watch needs watchSelector or watchText");
    }
  }

  /** "phần tử 'img[alt*=…]' và dòng chữ \"Ngày Chuyển đổi số quốc gia\"". */
  public String what() {
    return selector.map(c -> "phần tử '" + c + "'").orElse("")
        + (selector.isPresent() && text.isPresent() ? " và " : "") + text.map(t -> "dòng chữ \"" + t + "\"").orElse("");
  }

  /**
   * The day's place in a bounded period, "ngày thứ 3 trong 10" (the third of ten days; written out so that it is
   * never read as a date); empty without both ends.
   */
  public Optional<String> periodDay() {
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    long n = ChronoUnit.DAYS.between(from.get(), day) + 1;
    long of = ChronoUnit.DAYS.between(from.get(), to.get()) + 1;
    return Optional.of("ngày thứ " + n + " trong " + of);
  }

  /** The day in words for the band: "ngày thứ 3 trong 10 (03/10/2026; đợt 01/10/2026–10/10/2026)". */
  public String dayText() {
    String period = from.map(DMY::format).orElse("…") + "–" + to.map(DMY::format).orElse("…");
    return periodDay().map(p -> p + " (" + DMY.format(day) + "; đợt " + period + ")")
        .orElse(DMY.format(day) + " (đợt " + period + ")");
  }
}
