package vn.minhchung.review.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.review.progress.ComponentProgress;
import vn.minhchung.review.progress.ItemProgress;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.review.progress.TargetProgress;

/**
 * The completeness sheet shown identically in index.html, the XLSX and the DOCX: one row per plan item and
 * evidence component (all six are mandatory in the report), with the targets of that component. The counting
 * itself is {@link vn.minhchung.review.progress.Progress}'s; this only lays it out.
 */
record CompletenessSheet(List<Row> rows) {

  /**
   * One line: {@code targets} like "7 Clip phóng sự 5–10 phút", {@code have} approved evidence, {@code toReview}
   * still waiting for a reviewer, {@code missing} like "3/7 clip phóng sự 5–10 phút" or "chưa có bản scan báo
   * in", empty when nothing is missing.
   */
  record Row(String itemCode, String itemTitle, EvidenceComponent component, String targets, int have,
      int toReview, String missing) {
    boolean complete() {
      return missing.isEmpty();
    }
  }

  static final List<String> HEADERS = List.of("Mục", "Nội dung", "Thành phần minh chứng", "Chỉ tiêu", "Đã có",
      "Chờ duyệt", "Còn thiếu");

  static CompletenessSheet of(PlanProgress progress, Optional<String> onlyItem) {
    List<Row> rows = new ArrayList<>();
    for (ItemProgress item : progress.items()) {
      if (onlyItem.isPresent() && !onlyItem.get().equals(item.code())) {
        continue;
      }
      for (ComponentProgress c : item.components()) {
        List<TargetProgress> targets = item.targets().stream().filter(t -> t.component() == c.component()).toList();
        String wanted = String.join("; ", targets.stream().map(t -> t.need() + " " + t.description()).toList());
        List<String> missing = new ArrayList<>(targets.stream().filter(t -> !t.met()).map(TargetProgress::missingText).toList());
        if (targets.isEmpty() && c.approved() == 0) {
          missing.add("chưa có " + c.component().shortName());
        }
        rows.add(new Row(item.code(), item.title(), c.component(), wanted, c.approved(), c.toReview(),
            String.join("; ", missing)));
      }
    }
    return new CompletenessSheet(rows);
  }

  static String componentLabel(EvidenceComponent c) {
    return c.number() + ". " + c.title();
  }
}
