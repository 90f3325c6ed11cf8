package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The schedule in people's terms and its Quartz cron, both ways. */
class ScheduleChoiceTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 0 6 * * ?            | daily   | hằng ngày lúc 06:00",
      "0 45 5 * * ?           | daily   | hằng ngày lúc 05:45",
      "0 0 0/6 * * ?          | hours   | mỗi 6 giờ",
      "0 30 7 ? * MON,THU     | weekly  | thứ Hai, thứ Năm lúc 07:30",
      "0 0 6 ? * SUN          | weekly  | Chủ nhật lúc 06:00",
      "0 0 0/5 * * ?          | cron    | lịch nâng cao (cron 0 0 0/5 * * ?)",
      "0 0/30 8-17 ? * MON-FRI | cron   | lịch nâng cao (cron 0 0/30 8-17 ? * MON-FRI)"})
  void storedCronReadsAsTheSimplestChoice(String cron, String mode, String words) {
    ScheduleChoice c = ScheduleChoice.of(cron);
    assertThat(c.mode()).isEqualTo(mode);
    assertThat(ScheduleChoice.describe(cron)).isEqualTo(words);
    assertThat(c.toCron().cron()).isEqualTo(cron.trim());
  }

  @Test
  void choicesBecomeCronAndBadOnesSayWhatToFix() {
    assertThat(new ScheduleChoice("default", "", "", Set.of(), "").toCron().cron()).isEmpty();
    assertThat(ScheduleChoice.describe(null)).isEqualTo("mặc định: hằng ngày khoảng 06:00");
    assertThat(new ScheduleChoice("weekly", "7:30", "", Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), "").toCron().cron())
        .isEqualTo("0 30 7 ? * MON,THU");
    assertThat(new ScheduleChoice("weekly", "07:30", "", Set.of(), "").toCron().problem())
        .isEqualTo("Chọn ít nhất một ngày trong tuần.");
    assertThat(new ScheduleChoice("hours", "", "5", Set.of(), "").toCron().problem()).contains("1, 2, 3, 4, 6, 8 hoặc 12 giờ");
    assertThat(new ScheduleChoice("daily", "25:00", "", Set.of(), "").toCron().problem()).contains("giờ:phút");
    assertThat(new ScheduleChoice("cron", "", "", Set.of(), "mỗi sáng").toCron().problem())
        .startsWith("Lịch chạy không phải biểu thức cron Quartz hợp lệ");
  }
}
