package vn.minhchung.review.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineStatusTest {
  @ParameterizedTest
  @CsvSource({"2026-11-03, còn 12 ngày", "2026-11-15, hạn chót hôm nay", "2026-11-18, quá hạn 3 ngày", "2026-11-14, còn 1 ngày"})
  void countsDownToTheDeadlineInVietnamese(LocalDate today, String text) {
    assertThat(DeadlineStatus.of(LocalDate.of(2026, 11, 15), today).text()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"0, 1, Bản scan báo in, chưa có bản scan báo in", "3, 7, Clip phóng sự 5–10 phút, 3/7 clip phóng sự 5–10 phút",
      "0, 2, CĐS infographic, 0/2 CĐS infographic", "2, 2, Ảnh, ''"})
  void missingTextSaysWhatIsLacking(int have, int need, String description, String text) {
    var t = new TargetProgress(vn.minhchung.config.registry.EvidenceComponent.PRINT_SCAN, description, need, have, null, null);
    assertThat(t.missingText()).isEqualTo(text);
  }
}
