package vn.minhchung.review.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.review.export.DossierText;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;

/**
 * The dashboard's "Tải hồ sơ minh chứng" form as typed, with the same choices as the {@code export} command:
 * plan, optional item and unit, optional day range (a date input's yyyy-MM-dd or dd/MM/yyyy), all statuses.
 * Kept as text so a refused form comes back filled in.
 */
public record DossierForm(String plan, String item, String unit, String from, String to, boolean allStatuses) {
  private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  static DossierForm forPlan(String plan) {
    return new DossierForm(plan, "", "", "", "", false);
  }

  static DossierForm of(Context ctx) {
    return new DossierForm(field(ctx, "plan"), field(ctx, "item"), field(ctx, "unit"), field(ctx, "from"),
        field(ctx, "to"), "on".equals(ctx.formParam("allStatuses")));
  }

  /** Every reason, in Vietnamese, why this form cannot become a dossier; empty when it can. */
  List<String> problems(Session s) {
    List<String> out = new ArrayList<>();
    if (plan.isEmpty()) {
      out.add("Hãy chọn kế hoạch.");
    } else {
      Optional<Plan> p = s.createSelectionQuery("from Plan p where p.code = :c", Plan.class).setParameter("c", plan)
          .uniqueResultOptional();
      if (p.isEmpty()) {
        List<String> known = s.createSelectionQuery("select p.code from Plan p order by p.code", String.class)
            .setMaxResults(30).getResultList();
        out.add("Không có kế hoạch mã “" + plan + "”. " + (known.isEmpty() ? "Chưa có kế hoạch nào được nhập."
            : "Các kế hoạch đã đăng ký: " + String.join(", ", known) + "."));
      } else if (!item.isEmpty() && p.get().getItems().stream().noneMatch(i -> i.getCode().equals(item))) {
        out.add("Kế hoạch " + plan + " không có nhiệm vụ “" + item + "”; các nhiệm vụ: "
            + String.join(", ", p.get().getItems().stream().map(PlanItem::getCode).toList()) + ".");
      }
    }
    if (!unit.isEmpty() && s.createSelectionQuery("select count(u) from Unit u where u.code = :c", Long.class)
        .setParameter("c", unit).getSingleResult() == 0) {
      out.add("Không có đơn vị mã “" + unit + "”.");
    }
    Optional<LocalDate> fromDay = day("Từ ngày", from, out);
    Optional<LocalDate> toDay = day("Đến ngày", to, out);
    if (fromDay.isPresent() && toDay.isPresent() && fromDay.get().isAfter(toDay.get())) {
      out.add("Khoảng ngày không hợp lệ: “Từ ngày” (" + DossierText.date(fromDay.get()) + ") sau “Đến ngày” ("
          + DossierText.date(toDay.get()) + ").");
    }
    return out;
  }

  /** The export request; call only when {@link #problems} found none. */
  ExportRequest request() {
    List<String> ignored = new ArrayList<>();
    return new ExportRequest(plan, nonEmpty(item), nonEmpty(unit), day("", from, ignored), day("", to, ignored),
        allStatuses);
  }

  private static Optional<LocalDate> day(String label, String text, List<String> problems) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.contains("/") ? DossierText.parseDate(text) : LocalDate.parse(text, ISO_DAY));
    } catch (DateTimeParseException e) {
      problems.add("“" + label + "” không hợp lệ: “" + text + "”; hãy nhập ngày theo dạng dd/MM/yyyy.");
      return Optional.empty();
    }
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
