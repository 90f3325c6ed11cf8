package vn.minhchung.harvester.connector.web.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.harvester.connector.web.date.DateText.Reading;

class DateTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Chủ Nhật, 15/11/2026 09:15 | false | 2026-11-15T09:15 | -",
      "15 tháng 11 năm 2026 | false | 2026-11-15T00:00 | -",
      "Ngày 9 tháng 11, 2026 lúc 08:49 | false | 2026-11-09T08:49 | -",
      "Cập nhật lúc 07:45 13/11/2026 | false | 2026-11-13T07:45 | -",
      "13-11-2026 - 07:45 | false | 2026-11-13T07:45 | -",
      "Thứ Hai, 09/11/2026, 08:49 (GMT+7) | false | 2026-11-09T08:49 | +07:00",
      "2026-11-09T01:49:09Z | false | 2026-11-09T01:49:09 | Z",
      "2026-11-09T08:49:09+0700 | false | 2026-11-09T08:49:09 | +07:00",
      "Mon, 09 Nov 2026 08:49:09 +0700 | false | 2026-11-09T08:49:09 | +07:00",
      "Stand: 9. November 2026 00:30 Uhr | false | 2026-11-09T00:30 | -",
      "Veröffentlicht am 4. März 2026 | false | 2026-03-04T00:00 | -",
      "November 9, 2026 at 8:15 pm | false | 2026-11-09T20:15 | -",
      "9 November 2026 | false | 2026-11-09T00:00 | -",
      "Publié le 9 novembre 2026 à 08h30 | false | 2026-11-09T08:30 | -",
      "9 de noviembre de 2026 | false | 2026-11-09T00:00 | -",
      "Published 11/01/2023 6:20 PM | true | 2023-11-01T18:20 | -",
      "Published 11/01/2023 6:20 PM | false | 2023-01-11T18:20 | -",
      "11.01.2023 | true | 2023-01-11T00:00 | -",
      "14/04/2026 02:30 CH | false | 2026-04-14T14:30 | -"})
  void readsTheFormsPagesWrite(String text, boolean monthFirst, String local, String offset) {
    Reading r = DateText.read(text, monthFirst).orElseThrow();
    LocalDateTime got = LocalDateTime.of(r.date(), r.time() == null ? LocalTime.MIDNIGHT : r.time());
    assertThat(got).isEqualTo(LocalDateTime.parse(local));
    assertThat(r.offset()).isEqualTo(offset.equals("-") ? null : ZoneOffset.of(offset));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Sáng 19/11, hội nghị khai mạc", "Lượt xem: 1.234", "Mã số 20261109",
      "31/02/2026", "Tin nóng 10 tháng 11"})
  void findsNoDateWhereThereIsNone(String text) {
    assertThat(DateText.read(text, false)).isEmpty();
  }
}
