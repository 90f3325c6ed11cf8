package vn.minhchung.harvester.schedule.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.minhchung.config.settings.Settings;

/** Dates as staff read them: dd/MM/yyyy and dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
public final class AlertTexts {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(Settings.ZONE);

  private AlertTexts() {}

  public static String date(LocalDate d) {
    return DATE.format(d);
  }

  public static String dateTime(Instant t) {
    return DATE_TIME.format(t);
  }

  /** Errors are shown inside one line of a message; long ones are cut. */
  public static String shortError(String error) {
    if (error == null || error.isBlank()) {
      return "không có mô tả lỗi";
    }
    String one = error.strip().replaceAll("\\s+", " ");
    return one.length() <= 300 ? one : one.substring(0, 297) + "...";
  }
}
