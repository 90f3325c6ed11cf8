package vn.minhchung.review.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A deadline seen from one day: days left (negative when overdue) and the Vietnamese countdown text. */
public record DeadlineStatus(LocalDate deadline, long daysLeft) {

  public static DeadlineStatus of(LocalDate deadline, LocalDate today) {
    return new DeadlineStatus(deadline, ChronoUnit.DAYS.between(today, deadline));
  }

  public boolean overdue() {
    return daysLeft < 0;
  }

  /** "còn 12 ngày", "hạn chót hôm nay", "quá hạn 3 ngày". */
  public String text() {
    if (daysLeft > 0) {
      return "còn " + daysLeft + " ngày";
    }
    if (daysLeft == 0) {
      return "hạn chót hôm nay";
    }
    return "quá hạn " + (-daysLeft) + " ngày";
  }

  /** Within {@code warnDays} of the deadline but not overdue. */
  public boolean soon(int warnDays) {
    return daysLeft >= 0 && daysLeft <= warnDays;
  }
}
