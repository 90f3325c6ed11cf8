package vn.minhchung.review.export;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put in a dossier: the plan, optionally one item, one unit and a date range (on the day the evidence
 * happened, both ends included, Asia/Ho_Chi_Minh), and whether to include evidence not yet approved. By
 * default only approved evidence behind a confirmed link goes in.
 */
public record ExportRequest(String planCode, Optional<String> itemCode, Optional<String> unitCode,
    Optional<LocalDate> from, Optional<LocalDate> to, boolean allStatuses) {

  public ExportRequest {
    Objects.requireNonNull(planCode, "planCode");
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new IllegalArgumentException("the date range starts (" + DossierText.date(from.get())
          + ") after it ends (" + DossierText.date(to.get()) + ")");
    }
  }

  public static ExportRequest plan(String planCode) {
    return new ExportRequest(planCode, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  public ExportRequest withItem(String code) {
    return new ExportRequest(planCode, Optional.of(code), unitCode, from, to, allStatuses);
  }

  public ExportRequest withUnit(String code) {
    return new ExportRequest(planCode, itemCode, Optional.of(code), from, to, allStatuses);
  }

  public ExportRequest withRange(LocalDate fromDay, LocalDate toDay) {
    return new ExportRequest(planCode, itemCode, unitCode, Optional.ofNullable(fromDay), Optional.ofNullable(toDay), allStatuses);
  }

  public ExportRequest withAllStatuses() {
    return new ExportRequest(planCode, itemCode, unitCode, from, to, true);
  }
}
