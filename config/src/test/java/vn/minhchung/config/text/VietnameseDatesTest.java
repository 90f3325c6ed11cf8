package vn.minhchung.config.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseDatesTest {
  /** Monday 23/11/2026 10:00 in Hà Nội. */
  private static final Instant NOW = OffsetDateTime.parse("2026-11-23T10:00:00+07:00").toInstant();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Thứ Ba, 14/04/2026 - 08:30                 | 2026-04-14T08:30:00+07:00",
      "THỨ BA, 14/04/2026 - 08:30                 | 2026-04-14T08:30:00+07:00",
      "14/04/2026 08:30 GMT+7                     | 2026-04-14T08:30:00+07:00",
      "14/04/2026 08:30 (GMT+07:00)               | 2026-04-14T08:30:00+07:00",
      "14/04/2026 01:30 UTC+0                     | 2026-04-14T08:30:00+07:00",
      "08:30 14/04/2026                           | 2026-04-14T08:30:00+07:00",
      "'14-04-2026 | 08:30'                       | 2026-04-14T08:30:00+07:00",
      "14.04.2026 08:30                           | 2026-04-14T08:30:00+07:00",
      "14/4/2026 8:30                             | 2026-04-14T08:30:00+07:00",
      "Thứ hai, 13/4/2026, 2:15 CH                | 2026-04-13T14:15:00+07:00",
      "Thứ hai, 13/4/2026, 8:05 SA                | 2026-04-13T08:05:00+07:00",
      "08h30 ngày 14/04/2026                      | 2026-04-14T08:30:00+07:00",
      "Cập nhật lúc 16:45:10 ngày 02/10/2026      | 2026-10-02T16:45:10+07:00",
      "Ngày đăng: 14/04/2026                      | 2026-04-14T00:00:00+07:00",
      "14/04/2026                                 | 2026-04-14T00:00:00+07:00",
      "Mon, 14 Sep 2026 09:43:55 +0700            | 2026-09-14T09:43:55+07:00",
      "Mon, 14 Sep 2026 02:43:55 GMT              | 2026-09-14T09:43:55+07:00",
      "Tue, 14 Sep 2026 09:43:55 +0700            | 2026-09-14T09:43:55+07:00",
      "14 Sep 2026 09:43:55 +07:00                | 2026-09-14T09:43:55+07:00",
      "Mon, 14 Sep 2026 09:43:55                  | 2026-09-14T09:43:55+07:00",
      "2026-04-14T08:30:00+07:00                  | 2026-04-14T08:30:00+07:00",
      "2026-04-14T01:30:00Z                       | 2026-04-14T08:30:00+07:00",
      "2026-04-14T01:30:00.000Z                   | 2026-04-14T08:30:00+07:00",
      "2026-04-14T01:30:00+0000                   | 2026-04-14T08:30:00+07:00",
      "2026-04-14T08:30:00                        | 2026-04-14T08:30:00+07:00",
      "2026-04-14 08:30:00                        | 2026-04-14T08:30:00+07:00",
      "2026-04-14T08:30                           | 2026-04-14T08:30:00+07:00",
      "2026-04-14                                 | 2026-04-14T00:00:00+07:00",
      "14 tháng 4, 2025                           | 2025-04-14T00:00:00+07:00",
      "Ngày 14 tháng 4 năm 2025                   | 2025-04-14T00:00:00+07:00",
      "14 tháng 04 2025 lúc 09:00                 | 2025-04-14T09:00:00+07:00",
  })
  void readsAbsoluteDates(String text, String expected) {
    assertThat(VietnameseDates.parseAbsolute(text)).hasValueSatisfying(d -> {
      assertThat(VietnameseDates.isoLocal(d.instant())).isEqualTo(expected);
      assertThat(d.text()).isEqualTo(text.strip());
    });
  }

  @Test
  void readsWeekdaysInNfdLikeNfcAndKeepsTheTextInNfc() {
    String nfd = Normalizer.normalize("Thứ Ba, 14/04/2026 - 08:30", Normalizer.Form.NFD);
    assertThat(VietnameseDates.parse(nfd, NOW)).hasValueSatisfying(d -> {
      assertThat(VietnameseDates.isoLocal(d.instant())).isEqualTo("2026-04-14T08:30:00+07:00");
      assertThat(d.text()).isEqualTo("Thứ Ba, 14/04/2026 - 08:30");
    });
    String nfdRelative = Normalizer.normalize("Hôm qua lúc 10:30", Normalizer.Form.NFD);
    assertThat(VietnameseDates.parse(nfdRelative, NOW).map(d -> VietnameseDates.isoLocal(d.instant())))
        .hasValue("2026-11-22T10:30:00+07:00");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Vừa xong                | 2026-11-23T10:00:00+07:00",
      "vừa xong.               | 2026-11-23T10:00:00+07:00",
      "Just now                | 2026-11-23T10:00:00+07:00",
      "45 giây                 | 2026-11-23T09:59:15+07:00",
      "5 phút                  | 2026-11-23T09:55:00+07:00",
      "5 phút trước            | 2026-11-23T09:55:00+07:00",
      "2 giờ                   | 2026-11-23T08:00:00+07:00",
      "3 giờ trước             | 2026-11-23T07:00:00+07:00",
      "Khoảng 1 giờ trước      | 2026-11-23T09:00:00+07:00",
      "2 hours ago             | 2026-11-23T08:00:00+07:00",
      "3 ngày                  | 2026-11-20T10:00:00+07:00",
      "1 tuần                  | 2026-11-16T10:00:00+07:00",
      "2 tháng trước           | 2026-09-23T10:00:00+07:00",
      "1 năm                   | 2025-11-23T10:00:00+07:00",
      "Hôm qua lúc 10:30       | 2026-11-22T10:30:00+07:00",
      "Hôm qua lúc 23:59       | 2026-11-22T23:59:00+07:00",
      "Hôm qua                 | 2026-11-22T00:00:00+07:00",
      "Hôm nay lúc 07:15       | 2026-11-23T07:15:00+07:00",
      "Yesterday at 10:30      | 2026-11-22T10:30:00+07:00",
      "14 tháng 4 lúc 08:30    | 2026-04-14T08:30:00+07:00",
      "14 tháng 4              | 2026-04-14T00:00:00+07:00",
      "25 tháng 12 lúc 08:30   | 2025-12-25T08:30:00+07:00",
      "Thứ Hai lúc 09:15       | 2026-11-23T09:15:00+07:00",
      "Thứ Hai lúc 11:15       | 2026-11-16T11:15:00+07:00",
      "Thứ Sáu lúc 20:00       | 2026-11-20T20:00:00+07:00",
      "thứ 7 lúc 06:00         | 2026-11-21T06:00:00+07:00",
      "Chủ Nhật lúc 08:00      | 2026-11-22T08:00:00+07:00",
  })
  void resolvesRelativeTimesAgainstTheGivenInstantInHanoiTime(String text, String expected) {
    assertThat(VietnameseDates.parse(text, NOW)).hasValueSatisfying(d -> {
      assertThat(VietnameseDates.isoLocal(d.instant())).isEqualTo(expected);
      assertThat(d.text()).isEqualTo(text.strip());
    });
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "   ", "abc", "Lượt xem: 1.234", "Trang sau", "31/02/2026", "14/13/2026",
      "99/99/9999", "25:61 14/04/2026", "14/04/0026", "3 tháng", "tháng 4", "2026-13-45T10:00:00Z",
      "Thứ Hai", "hôm kia lúc", "1.2K", "12345678", "lúc 08:30", "Mon, 31 Feb 2026 10:00:00 +0700"})
  void givesNothingForTextWithoutADate(String text) {
    assertThat(VietnameseDates.parse(text, NOW)).isEmpty();
  }

  @Test
  void nullIsNoDate() {
    assertThat(VietnameseDates.parse(null, NOW)).isEmpty();
    assertThat(VietnameseDates.isoLocal(null)).isNull();
  }
}
