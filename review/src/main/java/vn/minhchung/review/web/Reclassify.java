package vn.minhchung.review.web;

import java.time.Instant;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.storage.evidence.Classification;
import vn.minhchung.storage.evidence.Evidence;

/** The evidence page's "Thành phần và loại" form: checks the choice and applies it ({@link Classification}). */
final class Reclassify {
  /** The form's value for "the kind the rules give". */
  static final String AUTO = "auto";

  private Reclassify() {}

  /** Returns false when nothing changed. */
  static boolean apply(Session s, Evidence e, int component, String kindChoice, String actor, Instant now) {
    EvidenceComponent c = EvidenceComponent.of(component).orElseThrow(() -> new WebError(400,
        "Thành phần " + component + " không hợp lệ: chọn một thành phần từ 1 đến 6."));
    EvidenceKind kind = AUTO.equals(kindChoice) ? null : EvidenceKind.of(kindChoice).orElseThrow(() -> new WebError(400,
        "Loại minh chứng '" + kindChoice + "' không hợp lệ: chọn một loại trong danh sách."));
    return Classification.change(s, e, c, kind, actor, now);
  }
}
