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
 * evidence component the item expects (registry {@code components}), with the targets of that component; one
 * row "chỉ cần báo cáo" for an item that expects none. The counting itself is
 * {@link vn.minhchung.review.progress.Progress}'s; this only lays it out.
 */
record CompletenessSheet(List<Row> rows) {

  /**
   * One line: {@code targets} like "7 Clip phóng sự 5–10 phút", {@code have} approved evidence, {@code toReview}
   * still waiting for a reviewer, {@code missing} like "3/7 clip phóng sự 5–10 phút" or "chưa có bản scan báo
   * in", empty when nothing is missing. {@code component} is null on the row of an item that needs a report only.
   */
  record Row(String itemCode, String itemTitle, EvidenceComponent component, String targets, int have,
      int toReview, String missing) {
    boolean complete() {
      return missing.isEmpty();
    }

    String label() {
      return component == null ? REPORT_ONLY : componentLabel(component);
    }

    /** The last column: "Đạt", what is missing, or "Không yêu cầu" on a report-only row. */
    String status() {
      return component == null ? "Không yêu cầu" : complete() ? "Đạt" : missing;
    }
  }

  static final String REPORT_ONLY = "Chỉ cần báo cáo (không yêu cầu minh chứng)";

  static final List<String> HEADERS = List.of("Mục", "Nội dung", "Thành phần minh chứng", "Chỉ tiêu", "Đã có",
      "Chờ duyệt", "Còn thiếu");

  static CompletenessSheet of(PlanProgress progress, Optional<String> onlyItem) {
    List<Row> rows = new ArrayList<>();
    for (ItemProgress item : progress.items()) {
      if (onlyItem.isPresent() && !onlyItem.get().equals(item.code())) {
        continue;
      }
      if (item.reportOnly()) {
        rows.add(new Row(item.code(), item.title(), null, "", 0, 0, ""));
        continue;
      }
      for (ComponentProgress c : item.expected()) {
        List<TargetProgress> targets = item.targets().stream().filter(t -> t.component() == c.component()).toList();
        String wanted = String.join("; ", targets.stream().map(t -> t.need() + " " + t.description()).toList());
        List<String> missing = new ArrayList<>(targets.stream().filter(t -> !t.met()).map(TargetProgress::missingText).toList());
        if (c.missing() && !c.hasTarget()) {
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
