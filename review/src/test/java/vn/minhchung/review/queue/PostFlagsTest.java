package vn.minhchung.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostFlagsTest {
  @Test
  void storedFlagsReadInPeoplesWordsSpecificationFlagsFirstUnknownCodesLeftOut() {
    assertThat(PostFlags.labels("live,no_date,duration_out_of_spec,some_future_code"))
        .containsExactly("thời lượng ngoài khoảng", "không đọc được ngày đăng", "phát trực tiếp");
    assertThat(PostFlags.labels(null)).isEmpty();
    assertThat(PostFlags.filterable()).containsKey("watch_absent").doesNotContainKey(PostFlags.OUTSIDE_ITEM_PERIOD);
    assertThat(PostFlags.known("watch_absent")).isTrue();
    assertThat(PostFlags.known("x' or 1=1")).isFalse();
  }

  @Test
  void aPostIsOutsideTheItemsTimeByItsLocalDayBeforeThePlanOrAfterTheDeadline() {
    LocalDate issued = LocalDate.of(2026, 4, 14);
    LocalDate deadline = LocalDate.of(2026, 11, 15);
    // 15/11 23:59 in Hà Nội is still the deadline day; 16/11 00:30 is not, though both are 15/11 in UTC.
    assertThat(PostFlags.outsidePeriod(Instant.parse("2026-11-15T16:59:00Z"), issued, deadline)).isFalse();
    assertThat(PostFlags.outsidePeriod(Instant.parse("2026-11-15T17:30:00Z"), issued, deadline)).isTrue();
    assertThat(PostFlags.outsidePeriod(Instant.parse("2026-04-13T16:59:00Z"), issued, deadline)).isTrue();
    assertThat(PostFlags.outsidePeriod(Instant.parse("2026-04-13T17:00:00Z"), issued, deadline)).isFalse();
    assertThat(PostFlags.outsidePeriod(null, issued, deadline)).isFalse();
    assertThat(PostFlags.outsidePeriod(Instant.parse("2030-01-01T00:00:00Z"), null, null)).isFalse();
  }
}
