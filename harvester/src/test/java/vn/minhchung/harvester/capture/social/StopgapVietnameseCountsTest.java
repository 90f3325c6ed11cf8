package vn.minhchung.harvester.capture.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopgapVietnameseCountsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1,2K | 1200", "1.2K | 1200", "2,5 N | 2500", "1,2 Tr | 1200000", "45K | 45000", "345 | 345",
      "1.234 | 1234", "12 345 | 12345", "3 triệu | 3000000", "7 nghìn | 7000"})
  void readsShownCounts(String shown, long value) {
    assertThat(StopgapVietnameseCounts.parse(shown)).hasValue(value);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"abc", "K", "''", "1,2,3K"})
  void rejectsWhatIsNotACount(String shown) {
    assertThat(StopgapVietnameseCounts.parse(shown)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.2K | Tất cả cảm xúc: 1,2K | true", "1200 | 1,2K người thích | true", "56 | 56 lượt chia sẻ | true",
      "57 | 56 lượt chia sẻ | false", "1,2K | 12K | false"})
  void findsCountsWhateverTheSeparator(String shown, String text, boolean visible) {
    assertThat(StopgapVietnameseCounts.visibleIn(shown, text)).isEqualTo(visible);
  }
}
