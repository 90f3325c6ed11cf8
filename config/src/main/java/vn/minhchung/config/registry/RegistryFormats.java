package vn.minhchung.config.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The value formats of the registry file: dates dd/MM/yyyy, ISO-8601 durations (PT5M). */
public final class RegistryFormats {
  private RegistryFormats() {}

  /** Strict: 31/02/2026 is rejected, two-digit day and month required. */
  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", java.util.Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  public static Optional<LocalDate> parseDate(String s) {
    try {
      return Optional.of(LocalDate.parse(s.trim(), DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static String formatDate(LocalDate d) {
    return d.format(DATE);
  }

  /** A positive ISO-8601 duration such as PT5M or PT1H30M. */
  public static Optional<Duration> parseDuration(String s) {
    try {
      Duration d = Duration.parse(s.trim());
      return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
