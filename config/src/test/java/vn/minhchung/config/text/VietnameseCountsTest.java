package vn.minhchung.config.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseCountsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0                       | 0",
      "7                       | 7",
      "999                     | 999",
      "1.234                   | 1234",
      "12.345                  | 12345",
      "1.234.567               | 1234567",
      "1,234                   | 1234",
      "1,234,567               | 1234567",
      "1,2K                    | 1200",
      "1,2k                    | 1200",
      "1,2 N                   | 1200",
      "1,2 nghìn               | 1200",
      "15 N                    | 15000",
      "2,5 Tr                  | 2500000",
      "2,5tr                   | 2500000",
      "2,5 triệu               | 2500000",
      "1,25 Tr                 | 1250000",
      "1 T                     | 1000000000",
      "1,1 tỷ                  | 1100000000",
      "1.2K                    | 1200",
      "3.4M                    | 3400000",
      "10K                     | 10000",
      "Lượt xem: 1.234         | 1234",
      "Lượt xem : 25           | 25",
      "LƯỢT XEM: 3.210         | 3210",
      "1,2K lượt thích         | 1200",
      "35 bình luận            | 35",
      "12 lượt chia sẻ         | 12",
      "1.234 views             | 1234",
      "  4.567  lượt xem       | 4567",
  })
  void readsVietnameseAndEnglishCounts(String text, long expected) {
    assertThat(VietnameseCounts.parse(text)).hasValue(expected);
  }

  @Test
  void readsNfdLabelsAndNoBreakSpaces() {
    assertThat(VietnameseCounts.parse(Normalizer.normalize("Lượt xem: 1.234", Normalizer.Form.NFD))).hasValue(1234);
    assertThat(VietnameseCounts.parse("2,5\u00a0Tr")).hasValue(2_500_000);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "  ", "abc", "Lượt xem:", "-5", "1..2", "1.2.3", "1,2,3", "1.23", "1,5",
      "12abc", "1,2X", "1,234K", "∞", "NaN", "1.234,5", "99999999999999999", "99999 T", "một nghìn",
      "1 2 3", "1,2 K 3"})
  void givesNothingRatherThanAWrongNumber(String text) {
    assertThat(VietnameseCounts.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1.234          | 1234    | 1234",
      "1,2K           | 1200    | 1299",
      "12K            | 12000   | 12999",
      "1,25K          | 1250    | 1259",
      "2,5 Tr         | 2500000 | 2599999",
      "Tất cả cảm xúc: 1,2 N | 1200 | 1299",
  })
  void keepsThePrecisionOfAShortenedCount(String text, long low, long high) {
    assertThat(VietnameseCounts.range(text)).contains(new VietnameseCounts.Range(low, high));
  }

  @ParameterizedTest(name = "{0}–{1}")
  @CsvSource(delimiter = '|', value = {
      "1234    | 1234    | 1.234",
      "1200    | 1299    | 1,2K",
      "12000   | 12999   | 12K",
      "2500000 | 2599999 | 2,5 Tr",
      "1100000000 | 1199999999 | 1,1 T",
      "1200    | 1249    | 1.200–1.249",
  })
  void showsARangeAsThePlatformShowsIt(long low, long high, String shown) {
    assertThat(VietnameseCounts.shown(low, high)).isEqualTo(shown);
  }

  @Test
  void nullIsNoCount() {
    assertThat(VietnameseCounts.parse(null)).isEmpty();
  }
}
