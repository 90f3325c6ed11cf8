package vn.minhchung.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

class ChannelSchedulesTest {

  @Test
  void registryScheduleIsUsedAsIs() {
    assertThat(ChannelSchedules.cronFor("FB-TTBN", " 0 30 7 * * ? ", "0 0 6 * * ?", 60)).isEqualTo("0 30 7 * * ?");
  }

  @Test
  void defaultScheduleIsShiftedByAStableOffsetInsideTheWindow() {
    int offset = ChannelSchedules.offsetSeconds("FB-TTBN", 60);
    assertThat(offset).isBetween(0, 3599).isEqualTo(ChannelSchedules.offsetSeconds("FB-TTBN", 60));
    String cron = ChannelSchedules.cronFor("FB-TTBN", null, "0 0 6 * * ?", 60);
    assertThat(cron).isEqualTo((offset % 60) + " " + (offset / 60) + " 6 * * ?");
    assertThat(CronExpression.isValidExpression(cron)).isTrue();
  }

  @Test
  void hundredsOfChannelsAreSpreadOverTheWindow() {
    Set<String> slots = new HashSet<>();
    IntStream.range(0, 300).forEach(i -> slots.add(ChannelSchedules.cronFor("XA-" + i, "", "0 0 6 * * ?", 60)));
    // 300 channels over 3,600 seconds: nearly all get their own second.
    assertThat(slots.size()).isGreaterThan(280);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 50 23 * * ?      | 1200 | 0 10 0 * * ?",
      "0 0 6 ? * MON-FRI  | 61   | 1 1 6 ? * MON-FRI",
      "0 0/30 * * * ?     | 125  | 5 0/30 * * * ?",
      "* 0/30 * * * ?     | 125  | * 0/30 * * * ?",
      "0 0 6 * * ?        | 0    | 0 0 6 * * ?"})
  void shiftKeepsPatternsAndWrapsWithinTheDay(String cron, int offset, String expected) {
    assertThat(ChannelSchedules.spread(cron.trim(), offset)).isEqualTo(expected.trim());
  }

  @Test
  void zeroSpreadMeansNoOffset() {
    assertThat(ChannelSchedules.cronFor("FB-TTBN", null, "0 0 6 * * ?", 0)).isEqualTo("0 0 6 * * ?");
  }
}
