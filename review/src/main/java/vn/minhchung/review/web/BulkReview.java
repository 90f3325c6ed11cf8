package vn.minhchung.review.web;

import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.PlanItem;

/**
 * One decision applied to many evidence items selected in the queue, in the caller's transaction: approve,
 * reject with one reason, or confirm / dismiss their link suggestions (all of them, or only those to one item, so
 * suggestions to other items stay). Each changed item gets its own audit event, as if decided on its page.
 */
final class BulkReview {
  /** Most items one request may change: a few pages of the queue. */
  static final int MAX_ITEMS = 500;

  enum Action { APPROVE, REJECT, CONFIRM, DISMISS }

  private BulkReview() {}

  /** The decision named by the form's button, or a 400 naming the choices. */
  static Action action(String value) {
    return switch (value == null ? "" : value) {
      case "approve" -> Action.APPROVE;
      case "reject" -> Action.REJECT;
      case "confirm" -> Action.CONFIRM;
      case "dismiss" -> Action.DISMISS;
      default -> throw new WebError(400, "Thao tác không hợp lệ: chọn Duyệt, Từ chối, Xác nhận đề xuất hoặc Bỏ đề xuất.");
    };
  }

  /**
   * Applies the decision and returns what changed in words. Items already in the chosen status, and items
   * without a matching suggestion, are left as they are and counted apart.
   */
  static String apply(Session s, List<Long> ids, Action action, String reason, Long suggestionItemId, String actor, Instant now) {
    PlanItem only = suggestionItemId == null ? null : s.find(PlanItem.class, suggestionItemId);
    if (suggestionItemId != null && only == null) {
      throw new WebError(400, "Nhiệm vụ #" + suggestionItemId + " không tồn tại.");
    }
    int changed = 0;
    int unchanged = 0;
    for (long id : ids) {
      Evidence e = EvidenceRoutes.evidence(s, id);
      boolean did = switch (action) {
        case APPROVE -> review(s, e, "approved", null, actor, now);
        case REJECT -> review(s, e, "rejected", reason, actor, now);
        case CONFIRM, DISMISS -> {
          int n = Relink.decideAll(s, e, suggestionItemId, action == Action.CONFIRM, actor, now);
          changed += Math.max(0, n - 1);
          yield n > 0;
        }
      };
      if (did) {
        changed++;
      } else {
        unchanged++;
      }
    }
    String scope = only == null ? "" : " với nhiệm vụ " + only.getCode();
    String done = switch (action) {
      case APPROVE -> "Đã duyệt " + Fmt.number(changed) + " minh chứng.";
      case REJECT -> "Đã từ chối " + Fmt.number(changed) + " minh chứng với lý do “" + reason + "”.";
      case CONFIRM -> "Đã xác nhận " + Fmt.number(changed) + " đề xuất liên kết" + scope + ".";
      case DISMISS -> "Đã bỏ " + Fmt.number(changed) + " đề xuất liên kết" + scope + "; các đề xuất khác được giữ nguyên.";
    };
    if (unchanged > 0) {
      done += switch (action) {
        case APPROVE, REJECT -> " " + Fmt.number(unchanged) + " minh chứng đã ở trạng thái này từ trước.";
        case CONFIRM, DISMISS -> " " + Fmt.number(unchanged) + " minh chứng không có đề xuất" + scope + ".";
      };
    }
    return done;
  }

  /** Sets the review status and audits it like a decision on the evidence page; false when nothing changes. */
  static boolean review(Session s, Evidence e, String status, String reason, String actor, Instant now) {
    if (status.equals(e.getStatus()) && java.util.Objects.equals(reason, e.getReviewReason())) {
      return false;
    }
    String before = Json.of("status", e.getStatus(), "reason", e.getReviewReason(), "reviewedBy", e.getReviewedBy());
    e.review(status, reason, actor, now);
    AuditLog.append(s, now, actor, "approved".equals(status) ? "evidence.approve" : "evidence.reject",
        "evidence", e.getId().toString(), before, Json.of("status", status, "reason", reason, "reviewedBy", actor));
    return true;
  }
}
