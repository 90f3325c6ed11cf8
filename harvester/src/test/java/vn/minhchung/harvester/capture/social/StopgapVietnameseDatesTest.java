package vn.minhchung.harvester.capture.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopgapVietnameseDatesTest {
  static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-20T10:15+07:00[Asia/Ho_Chi_Minh]");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hôm qua lúc 10:30 | 2026-11-19T10:30+07:00",
      "Hôm nay lúc 08:00 | 2026-11-20T08:00+07:00",
      "14 tháng 4 lúc 08:30 | 2026-04-14T08:30+07:00",
      "24 tháng 12 lúc 19:00 | 2025-12-24T19:00+07:00",
      "3 tháng 5, 2024 | 2024-05-03T00:00+07:00",
      "2 giờ | 2026-11-20T08:15+07:00",
      "5 phút | 2026-11-20T10:10+07:00",
      "3 ngày | 2026-11-17T10:15+07:00",
      "20/10/2026 | 2026-10-20T00:00+07:00",
      "Vừa xong | 2026-11-20T10:15+07:00"})
  void resolvesShownDates(String shown, String expected) {
    assertThat(StopgapVietnameseDates.parse(shown, NOW).map(z -> z.toOffsetDateTime().toString())).contains(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"31 tháng 2 lúc 10:00", "Hôm kia", "''", "tháng 4"})
  void rejectsWhatIsNotADate(String shown) {
    assertThat(StopgapVietnameseDates.parse(shown, NOW)).isEmpty();
  }
}
