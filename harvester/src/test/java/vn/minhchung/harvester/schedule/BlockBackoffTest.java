package vn.minhchung.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlockBackoffTest {
  static final Instant BLOCKED_AT = Instant.parse("2026-04-20T23:00:00Z");

  @Test
  void automaticRunsWaitThreeHoursThenTwelveThenADayAfterBlockedRuns() {
    BlockBackoff b = BlockBackoff.DEFAULT;
    assertThat(b.after(1)).isEqualTo(Duration.ofHours(3));
    assertThat(b.after(2)).isEqualTo(Duration.ofHours(12));
    assertThat(b.after(3)).isEqualTo(Duration.ofDays(1));
    assertThat(b.after(7)).isEqualTo(Duration.ofDays(1));
    assertThat(b.holdUntil(1, BLOCKED_AT, BLOCKED_AT.plusSeconds(3600))).contains(BLOCKED_AT.plus(Duration.ofHours(3)));
    assertThat(b.holdUntil(1, BLOCKED_AT, BLOCKED_AT.plus(Duration.ofHours(3)))).isEmpty();
    assertThat(b.holdUntil(2, BLOCKED_AT, BLOCKED_AT.plus(Duration.ofHours(11)))).isPresent();
    assertThat(b.holdUntil(3, BLOCKED_AT, BLOCKED_AT.plus(Duration.ofHours(23)))).isPresent();
    assertThat(b.holdUntil(3, BLOCKED_AT, BLOCKED_AT.plus(Duration.ofHours(24)))).isEmpty();
    assertThat(b.holdUntil(0, null, BLOCKED_AT)).as("no blocked run: no wait").isEmpty();
  }
}
