package vn.minhchung.review.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.evidence.DurationRule;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.KindRules;
import vn.minhchung.storage.post.Post;

/**
 * A reviewer's change of an evidence item's component (e.g. an infographic post filed as component 2 moved to
 * component 5) and kind; {@code auto} gives the kind back to the rules. The post's duration flag follows the new
 * component and kind. Audited as {@code evidence.classify} with both before and after; no change writes nothing.
 */
final class Reclassify {
  static final String AUTO = "auto";

  private Reclassify() {}

  /** Returns false when nothing changed. */
  static boolean apply(Session s, Evidence e, int component, String kindChoice, String actor, Instant now) {
    if (EvidenceComponent.of(component).isEmpty()) {
      throw new WebError(400, "Thành phần " + component + " không hợp lệ: chọn một thành phần từ 1 đến 6.");
    }
    String kind;
    String kindBy;
    if (AUTO.equals(kindChoice)) {
      Post p = e.getPost();
      kind = p == null ? null : KindRules.of(p.getKind(), String.join(" ", Objects.toString(p.getTitle(), ""),
          Objects.toString(p.getLead(), ""), Objects.toString(p.getBody(), ""))).code();
      kindBy = null;
    } else {
      kind = EvidenceKind.of(kindChoice).map(EvidenceKind::code).orElseThrow(() -> new WebError(400,
          "Loại minh chứng '" + kindChoice + "' không hợp lệ: chọn một loại trong danh sách."));
      kindBy = actor;
    }
    if (component == e.getComponent() && Objects.equals(kind, e.getKind()) && Objects.equals(kindBy, e.getKindBy())) {
      return false;
    }
    String before = snapshot(e);
    e.setComponent(component);
    e.setKind(kind, kindBy);
    DurationRule.apply(s, e);
    e.setUpdatedAt(now);
    AuditLog.append(s, now, actor, "evidence.classify", "evidence", e.getId().toString(), before, snapshot(e));
    return true;
  }

  private static String snapshot(Evidence e) {
    String flags = Optional.ofNullable(e.getPost()).map(Post::getFlags).orElse(null);
    return Json.of("component", e.getComponent(), "kind", e.getKind(), "kindBy", e.getKindBy(), "flags", flags);
  }
}
