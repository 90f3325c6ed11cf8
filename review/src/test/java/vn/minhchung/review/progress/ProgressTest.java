package vn.minhchung.review.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

class ProgressTest {
  @TempDir Path tmp;

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void countsApprovedConfirmedEvidenceOfTheTargetComponentWithinTheDurationRange(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> ReviewFixture.build(s, new BlobStore(tmp)));
      PlanProgress p = db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY));

      assertThat(p.planTitle()).isEqualTo("Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh");
      assertThat(p.items()).extracting(ItemProgress::code).containsExactly("II.1", "II.2", "II.3.1");
      ItemProgress ii2 = p.items().get(1);
      assertThat(ii2.deadline().orElseThrow().text()).isEqualTo("còn 12 ngày");
      // clip5 is approved but 95 s long, clip4 is still pending: 3 of 7 clips of 5–10 minutes.
      assertThat(ii2.targets()).extracting(TargetProgress::summary).containsExactly(
          "3/7 Clip phóng sự 5–10 phút", "1/3 Bài viết trên báo điện tử", "0/1 Bản scan báo in");
      assertThat(ii2.missing()).containsExactly(
          "3/7 clip phóng sự 5–10 phút", "1/3 bài viết trên báo điện tử", "chưa có bản scan báo in");
      ComponentProgress social = ii2.components().get(1);
      assertThat(social.component()).isEqualTo(EvidenceComponent.SOCIAL_SCREENSHOT);
      assertThat(social.approved()).isEqualTo(4);
      assertThat(social.toReview()).isEqualTo(2);
      assertThat(social.need()).isEqualTo(7);
      ItemProgress ii31 = p.items().get(2);
      assertThat(ii31.deadline().orElseThrow().text()).isEqualTo("quá hạn 24 ngày");
      assertThat(ii31.missing()).containsExactly("1/5 infographic tĩnh 2D");
      assertThat(p.targetsMet()).isZero();
      assertThat(p.targetsTotal()).isEqualTo(5);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void unknownPlanNamesTheCode(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      assertThatThrownBy(() -> db.inTransaction(s -> Progress.compute(s, "999/KH-X", ReviewFixture.TODAY)))
          .isInstanceOf(NoSuchElementException.class).hasMessageContaining("'999/KH-X'");
    } finally {
      TestDatabases.drop(target);
    }
  }
}
