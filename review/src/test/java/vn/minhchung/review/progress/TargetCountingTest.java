package vn.minhchung.review.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.registry.PlanTarget;

/** Which evidence counts toward which target (component, kind, duration bounds, period, review) and why not. */
class TargetCountingTest {
  @TempDir Path tmp;

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void countsEvidenceOfTheTargetsKindInBoundsAndPeriodAndSaysWhyOthersDoNot(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        ReviewFixture f = ReviewFixture.build(s, new BlobStore(tmp));
        PlanTarget clips = f.items.get("II.2").getTargets().get(0);
        clips.setKind("clip");
        for (int i = 1; i <= 5; i++) {
          f.evidence.get("clip" + i).setKind("clip", null);
        }
        // clip1: a 3D infographic clip (7 min) set by a reviewer; clip2: posted after the item's deadline.
        f.evidence.get("clip1").setKind("infographic_3d", "reviewer");
        f.evidence.get("clip2").setOccurredAt(Instant.parse("2026-11-20T03:00:00Z"));
      });
      ItemProgress ii2 = db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY)).items().get(1);
      TargetProgress clips = ii2.targets().get(0);

      assertThat(clips.have()).as("only clip3 (5:30, approved, in period) counts").isEqualTo(1);
      assertThat(clips.summary()).isEqualTo("1/7 Clip phóng sự 5–10 phút");
      assertThat(clips.condition()).isEqualTo("thành phần 2 · clip / video · 5–10 phút");
      assertThat(clips.counted()).extracting(TargetEvidence::title)
          .containsExactly("Phóng sự: Doanh nghiệp Bắc Ninh với Luật Chuyển đổi số");
      assertThat(clips.notCounted()).extracting(TargetEvidence::title, TargetEvidence::reason).contains(
          tuple("Phóng sự: Luật Chuyển đổi số đi vào cuộc sống", "loại infographic 3D (clip), chỉ tiêu cần clip / video"),
          tuple("Phóng sự: Chuyển đổi số ở xã Tiên Du", "ngày đăng ngoài thời gian của nhiệm vụ"),
          tuple("Phóng sự: Bình dân học vụ số tại phường Kinh Bắc", "chưa duyệt"),
          tuple("Bản tin ngắn: Luật Chuyển đổi số có hiệu lực", "thời lượng 1:35 ngoài khoảng 5–10 phút"));
      assertThat(clips.notCounted()).extracting(TargetEvidence::title).as("nearest to counting first: of the "
          + "target's kind, approved before pending; another kind last").startsWith(
          "Phóng sự: Chuyển đổi số ở xã Tiên Du", "Bản tin ngắn: Luật Chuyển đổi số có hiệu lực",
          "Phóng sự: Bình dân học vụ số tại phường Kinh Bắc");
      assertThat(ii2.components().get(1).approved()).as("the component column still counts all approved")
          .isEqualTo(4);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void evidenceOfTheTargetsKindFiledUnderAnotherComponentCountsOnceMoved(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      long[] id = new long[1];
      db.runInTransaction(s -> {
        ReviewFixture f = ReviewFixture.build(s, new BlobStore(tmp));
        f.items.get("II.3.1").getTargets().get(0).setKind("infographic_2d");
        f.evidence.get("fb-ngay").setKind("infographic_2d", null);
        var moved = f.evidence.get("fb-luat");
        moved.setKind("infographic_2d", null);
        moved.setStatus("approved");
        f.link(moved, "II.3.1", "confirmed", "manual", null);
        moved.setOccurredAt(Instant.parse("2026-10-05T03:00:00Z"));
        id[0] = moved.getId();
      });
      TargetProgress before = db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY))
          .items().get(2).targets().get(0);
      assertThat(before.have()).isEqualTo(1);
      assertThat(before.notCounted()).extracting(TargetEvidence::evidenceId, TargetEvidence::reason)
          .containsExactly(tuple(id[0], "đang ở thành phần 2, chỉ tiêu thuộc thành phần 5"));

      db.runInTransaction(s -> s.find(vn.minhchung.storage.evidence.Evidence.class, id[0]).setComponent(5));
      TargetProgress after = db.inTransaction(s -> Progress.compute(s, "110/KH-UBND", ReviewFixture.TODAY))
          .items().get(2).targets().get(0);
      assertThat(after.have()).isEqualTo(2);
      assertThat(after.summary()).isEqualTo("2/5 Infographic tĩnh 2D");
      assertThat(after.notCounted()).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }
}
