package vn.minhchung.harvester.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.web.Fmt;

/**
 * Dates and numbers as Vietnamese sites and Facebook's Vietnamese interface show them, beyond the plain
 * dd/MM/yyyy and 1.234 forms of {@link Fmt}.
 */
final class VnFormat {
  private static final List<String> WEEKDAYS = List.of("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu",
      "Thứ Bảy", "Chủ Nhật");
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private VnFormat() {}

  static ZonedDateTime local(Instant t) {
    return t.atZone(Settings.ZONE);
  }

  static String weekday(LocalDate d) {
    return WEEKDAYS.get(d.getDayOfWeek().getValue() - 1);
  }

  /** A newspaper's article date: "Thứ Hai, 24/11/2026 08:30". */
  static String newsDate(Instant t) {
    return weekday(local(t).toLocalDate()) + ", " + Fmt.dateTime(t);
  }

  /** A header's date of today: "Thứ Ba, 01/12/2026". */
  static String today(Instant now) {
    return weekday(local(now).toLocalDate()) + ", " + Fmt.date(now);
  }

  /** Facebook's post time: "5 giờ", "Hôm qua lúc 10:30", "22 tháng 11 lúc 19:05", "22 tháng 11, 2025". */
  static String facebookTime(Instant posted, Instant now) {
    Duration age = Duration.between(posted, now);
    ZonedDateTime p = local(posted);
    ZonedDateTime n = local(now);
    if (age.toMinutes() < 1) {
      return "Vừa xong";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + " phút";
    }
    if (age.toHours() < 24) {
      return age.toHours() + " giờ";
    }
    if (p.toLocalDate().equals(n.toLocalDate().minusDays(1))) {
      return "Hôm qua lúc " + HM.format(p);
    }
    if (p.getYear() == n.getYear()) {
      return p.getDayOfMonth() + " tháng " + p.getMonthValue() + " lúc " + HM.format(p);
    }
    return p.getDayOfMonth() + " tháng " + p.getMonthValue() + ", " + p.getYear();
  }

  /** Facebook's short count: 987, "1,4K", "14K", "1,2 Tr". */
  static String compact(long n) {
    if (n < 1000) {
      return Long.toString(n);
    }
    if (n < 1_000_000) {
      return n < 10_000 ? oneDecimal(n / 1000.0) + "K" : (n / 1000) + "K";
    }
    return oneDecimal(n / 1_000_000.0) + " Tr";
  }

  private static String oneDecimal(double v) {
    long tenths = (long) Math.floor(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "," + (tenths % 10);
  }

  /** ISO-8601 duration "PT7M12S" as shown on a video: "7:12", "24:15", "1:02:03". */
  static String clock(String isoDuration) {
    long s = Duration.parse(isoDuration).toSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
