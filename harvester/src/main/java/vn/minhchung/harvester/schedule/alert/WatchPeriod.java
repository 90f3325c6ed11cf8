package vn.minhchung.harvester.schedule.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import vn.minhchung.config.settings.Settings;

/**
 * The watch period of a {@code web_page} channel ({@code watchFrom}–{@code watchTo}, dd/MM/yyyy, inclusive, each
 * optional) read from its stored options. Options the watch connector would reject (bad JSON, bad date) give an
 * unbounded period: that connector's run fails with the reason, and the channel's alerts stay as for any channel.
 */
record WatchPeriod(LocalDate from, LocalDate to) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  static WatchPeriod of(String optionsJson) {
    if (optionsJson == null || optionsJson.isBlank()) {
      return new WatchPeriod(null, null);
    }
    try {
      JsonNode n = JSON.readTree(optionsJson);
      return new WatchPeriod(date(n.path("watchFrom")), date(n.path("watchTo")));
    } catch (IOException | DateTimeParseException e) {
      return new WatchPeriod(null, null);
    }
  }

  private static LocalDate date(JsonNode v) {
    String text = v.isArray() ? v.path(0).asText("") : v.asText("");
    return text.isBlank() ? null : LocalDate.parse(text.strip(), DMY);
  }

  boolean contains(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** The first moment of the period (Asia/Ho_Chi_Minh), or null when it has no start. */
  Instant start() {
    return from == null ? null : from.atStartOfDay(Settings.ZONE).toInstant();
  }

  /** "01/10/2026–10/10/2026", "…" for an open end. */
  String text() {
    return (from == null ? "…" : DMY.format(from)) + "–" + (to == null ? "…" : DMY.format(to));
  }
}
