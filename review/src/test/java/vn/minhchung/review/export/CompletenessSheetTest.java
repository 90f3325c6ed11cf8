package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.review.progress.ComponentProgress;
import vn.minhchung.review.progress.ItemProgress;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.review.progress.TargetProgress;

class CompletenessSheetTest {

  private static ItemProgress item(String code, String title, Set<Integer> expected, List<TargetProgress> targets,
      List<String> missing, int... approvedPerComponent) {
    List<ComponentProgress> cs = new ArrayList<>();
    for (EvidenceComponent c : EvidenceComponent.values()) {
      int need = targets.stream().filter(t -> t.component() == c).mapToInt(TargetProgress::need).sum();
      cs.add(new ComponentProgress(c, approvedPerComponent[c.number() - 1], 0, need, expected.contains(c.number())));
    }
    return new ItemProgress(1, code, title, "Sở Khoa học và Công nghệ", null, Optional.empty(), targets, cs, missing);
  }

  @Test
  void rowsOnlyForExpectedComponentsAndOneReportOnlyRow() {
    TargetProgress clips = new TargetProgress(EvidenceComponent.SOCIAL_SCREENSHOT, "Clip phóng sự 5–10 phút", 7, 3,
        300, 600);
    ItemProgress ii2 = item("II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", Set.of(1, 2, 5),
        List.of(clips), List.of("3/7 clip phóng sự 5–10 phút", "chưa có ấn phẩm trực quan"), 2, 3, 0, 1, 0, 0);
    ItemProgress ii1 = item("II.1", "Rà soát văn bản quy phạm pháp luật", Set.of(), List.of(), List.of(),
        0, 0, 0, 0, 0, 0);
    PlanProgress p = new PlanProgress("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số", null, null,
        LocalDate.of(2026, 11, 3), List.of(ii1, ii2));

    CompletenessSheet sheet = CompletenessSheet.of(p, Optional.empty());

    assertThat(sheet.rows()).extracting(CompletenessSheet.Row::itemCode, CompletenessSheet.Row::label,
        CompletenessSheet.Row::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("II.1", "Chỉ cần báo cáo (không yêu cầu minh chứng)", "Không yêu cầu"),
        org.assertj.core.groups.Tuple.tuple("II.2", "1. Đường liên kết bài viết trên báo điện tử", "Đạt"),
        org.assertj.core.groups.Tuple.tuple("II.2", "2. " + EvidenceComponent.SOCIAL_SCREENSHOT.title(),
            "3/7 clip phóng sự 5–10 phút"),
        org.assertj.core.groups.Tuple.tuple("II.2", "5. Hình ảnh, file thiết kế ấn phẩm trực quan",
            "chưa có ấn phẩm trực quan"));
    assertThat(sheet.rows()).as("component 4 has evidence but II.2 does not expect it: no row")
        .noneMatch(r -> r.component() == EvidenceComponent.BROADCAST_SCRIPT);
  }
}
