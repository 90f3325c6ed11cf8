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
      assertThat(ii2.missing()).as("components 1, 2, 3 by their targets, 5 expected without a target").containsExactly(
          "3/7 clip phóng sự 5–10 phút", "1/3 bài viết trên báo điện tử", "chưa có bản scan báo in",
          "chưa có ấn phẩm trực quan");
      assertThat(ii2.expected()).extracting(ComponentProgress::component).containsExactly(
          EvidenceComponent.NEWS_LINK, EvidenceComponent.SOCIAL_SCREENSHOT, EvidenceComponent.PRINT_SCAN,
          EvidenceComponent.VISUAL_DESIGN);
      assertThat(ii2.components()).hasSize(6);
      assertThat(ii2.components().get(3).expected()).isFalse();
      assertThat(ii2.components().get(3).missing()).as("4 is not expected of II.2").isFalse();
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
  void itemsWithoutTheirOwnListTakeThePlansDefaultAndAReportOnlyItemIsNeverShort(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        ReviewFixture f = ReviewFixture.build(s, new BlobStore(tmp));
        f.plan.setComponents("");
        f.items.get("II.1").setComponents(null);
        f.items.get("II.1").getTargets().clear();
        f.items.get("II.3.1").setComponents(null);
      });
      PlanProgress p = db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY));
      ItemProgress ii1 = p.items().get(0);
      assertThat(ii1.reportOnly()).isTrue();
      assertThat(ii1.missing()).isEmpty();
      assertThat(ii1.complete()).as("a report-only item is not 'đủ minh chứng'").isFalse();
      assertThat(p.items().get(2).expected()).extracting(ComponentProgress::component)
          .as("II.3.1 has no list of its own: the plan's [] applies, and its target's component still counts")
          .containsExactly(EvidenceComponent.VISUAL_DESIGN);
      assertThat(p.items().get(1).expected()).hasSize(4);
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
