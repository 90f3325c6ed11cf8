package vn.minhchung.review.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * A channel's harvest schedule in people's terms: the default, every day at a time, every N hours, some weekdays
 * at a time, or (under "nâng cao") a Quartz cron. Converts to and from the stored cron; a cron none of the simple
 * choices produce stays in the advanced field.
 */
public record ScheduleChoice(String mode, String time, String everyHours, Set<DayOfWeek> days, String cron) {
  public static final List<Integer> HOURS = List.of(1, 2, 3, 4, 6, 8, 12);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final Pattern DAILY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\?");
  private static final Pattern HOURLY = Pattern.compile("0 0 0/(\\d{1,2}) \\* \\* \\?");
  private static final Pattern WEEKLY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\? \\* ((?:MON|TUE|WED|THU|FRI|SAT|SUN)(?:,(?:MON|TUE|WED|THU|FRI|SAT|SUN))*)");

  public ScheduleChoice {
    days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
  }

  /** The choice that produces a stored cron (null or blank: the default). */
  public static ScheduleChoice of(String cron) {
    if (cron == null || cron.isBlank()) {
      return new ScheduleChoice("default", "06:00", "6", Set.of(), "");
    }
    String c = cron.trim();
    Matcher m = DAILY.matcher(c);
    if (m.matches() && validTime(m.group(2), m.group(1))) {
      return new ScheduleChoice("daily", hhmm(m.group(2), m.group(1)), "6", Set.of(), c);
    }
    m = HOURLY.matcher(c);
    if (m.matches() && HOURS.contains(Integer.parseInt(m.group(1)))) {
      return new ScheduleChoice("hours", "06:00", m.group(1), Set.of(), c);
    }
    m = WEEKLY.matcher(c);
    if (m.matches() && validTime(m.group(2), m.group(1))) {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String d : m.group(3).split(",")) {
        days.add(day(d));
      }
      return new ScheduleChoice("weekly", hhmm(m.group(2), m.group(1)), "6", days, c);
    }
    return new ScheduleChoice("cron", "06:00", "6", Set.of(), c);
  }

  /** The stored cron (empty: the default), or a Vietnamese problem naming what to fix. */
  public Result toCron() {
    switch (mode) {
      case "default":
        return new Result("", null);
      case "daily": {
        Optional<LocalTime> t = parseTime(time);
        return t.map(v -> new Result("0 " + v.getMinute() + " " + v.getHour() + " * * ?", null))
            .orElse(new Result(null, "Giờ chạy phải có dạng giờ:phút, ví dụ 06:00."));
      }
      case "hours": {
        try {
          int n = Integer.parseInt(everyHours.trim());
          if (HOURS.contains(n)) {
            return new Result("0 0 0/" + n + " * * ?", null);
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        return new Result(null, "Chọn khoảng cách giữa hai lần chạy: 1, 2, 3, 4, 6, 8 hoặc 12 giờ.");
      }
      case "weekly": {
        Optional<LocalTime> t = parseTime(time);
        if (days.isEmpty()) {
          return new Result(null, "Chọn ít nhất một ngày trong tuần.");
        }
        if (t.isEmpty()) {
          return new Result(null, "Giờ chạy phải có dạng giờ:phút, ví dụ 06:00.");
        }
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : days) {
          names.add(d.name().substring(0, 3));
        }
        return new Result("0 " + t.get().getMinute() + " " + t.get().getHour() + " ? * " + String.join(",", names), null);
      }
      case "cron":
        if (cron.isBlank() || !CronExpression.isValidExpression(cron.trim())) {
          return new Result(null, "Lịch chạy không phải biểu thức cron Quartz hợp lệ (6 hoặc 7 trường, ví dụ: 0 0 6 * * ?).");
        }
        return new Result(cron.trim(), null);
      default:
        return new Result(null, "Chọn cách lên lịch chạy.");
    }
  }

  /** A cron, or the problem with the choice. */
  public record Result(String cron, String problem) {}

  /** The schedule as people say it: "hằng ngày lúc 06:00", "mỗi 6 giờ", "thứ Hai, thứ Năm lúc 07:30". */
  public static String describe(String cron) {
    ScheduleChoice c = of(cron);
    return switch (c.mode()) {
      case "default" -> "mặc định: hằng ngày khoảng 06:00";
      case "daily" -> "hằng ngày lúc " + c.time();
      case "hours" -> "mỗi " + c.everyHours() + " giờ";
      case "weekly" -> String.join(", ", c.days().stream().map(ScheduleChoice::dayName).toList()) + " lúc " + c.time();
      default -> "lịch nâng cao (cron " + cron.trim() + ")";
    };
  }

  public static String dayName(DayOfWeek d) {
    return switch (d) {
      case MONDAY -> "thứ Hai";
      case TUESDAY -> "thứ Ba";
      case WEDNESDAY -> "thứ Tư";
      case THURSDAY -> "thứ Năm";
      case FRIDAY -> "thứ Sáu";
      case SATURDAY -> "thứ Bảy";
      case SUNDAY -> "Chủ nhật";
    };
  }

  public boolean hasDay(DayOfWeek d) {
    return days.contains(d);
  }

  private static DayOfWeek day(String three) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(three)) {
        return d;
      }
    }
    throw new IllegalArgumentException(three);
  }

  private static Optional<LocalTime> parseTime(String s) {
    try {
      return Optional.of(LocalTime.parse(s == null ? "" : s.trim(), HH_MM));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalTime.parse(s.trim(), DateTimeFormatter.ofPattern("H:mm", Locale.ROOT)));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static boolean validTime(String h, String m) {
    return Integer.parseInt(h) < 24 && Integer.parseInt(m) < 60;
  }

  private static String hhmm(String h, String m) {
    return LocalTime.of(Integer.parseInt(h), Integer.parseInt(m)).format(HH_MM);
  }
}
