package vn.minhchung.review.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.review.progress.ComponentProgress;
import vn.minhchung.review.progress.ItemProgress;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.review.progress.TargetProgress;
import vn.minhchung.review.progress.UnitProgress;

/**
 * The completeness sheet shown identically in index.html, the XLSX and the DOCX: one row per plan item and
 * evidence component the item expects (registry {@code components}), with the targets of that component; one
 * row "chỉ cần báo cáo" for an item that expects none. The counting itself is
 * {@link vn.minhchung.review.progress.Progress}'s; this only lays it out.
 */
record CompletenessSheet(List<Row> rows, List<UnitProgress.Row> units) {

  static final List<String> UNIT_HEADERS = List.of("Mục", "Đơn vị", "Vai trò", "Hạn gửi", "Trạng thái",
      "Thành phần đã có", "Còn thiếu");

  CompletenessSheet(List<Row> rows) {
    this(rows, List.of());
  }

  /**
   * The same sheet with the units' rows ({@link UnitProgress}) of the items it shows, only {@code onlyUnit}'s when
   * the dossier is for one unit.
   */
  CompletenessSheet withUnits(List<UnitProgress.Row> all, Optional<String> onlyUnit) {
    java.util.Set<String> items = new java.util.HashSet<>(rows.stream().map(Row::itemCode).toList());
    return new CompletenessSheet(rows, all.stream().filter(u -> items.contains(u.itemCode()))
        .filter(u -> onlyUnit.isEmpty() || onlyUnit.get().equals(u.unitCode())).toList());
  }

  /** One unit row as the cells of {@link #UNIT_HEADERS}. */
  static List<String> unitCells(UnitProgress.Row u) {
    String deadline = u.deadline() == null ? "" : DossierText.date(u.deadline())
        + (u.ownDeadline() ? " (hạn riêng của đơn vị)" : "") + (u.dueText().isEmpty() ? "" : ", " + u.dueText());
    return List.of(u.itemCode(), u.unitName(), u.role(), deadline, u.status(), u.givenText(), u.missingText());
  }

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
