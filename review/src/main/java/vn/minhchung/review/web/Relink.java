package vn.minhchung.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.PlanItem;

/**
 * A reviewer's choice of the items an evidence item proves: chosen items end up confirmed (a suggestion is
 * confirmed, a missing link is created as manual), a confirmed link that is no longer chosen is rejected, and a
 * suggestion stays a suggestion until someone confirms or dismisses it ({@link #decide}). Audited with the
 * confirmed and suggested item codes before and after.
 */
final class Relink {
  private Relink() {}

  static void apply(Session s, Evidence e, List<Long> chosenItemIds, String actor, Instant now) {
    List<EvidenceLink> links = links(s, e);
    String before = snapshot(links);
    Map<Long, EvidenceLink> byItem = links.stream().collect(Collectors.toMap(l -> l.getPlanItem().getId(), Function.identity()));
    for (Long itemId : chosenItemIds) {
      EvidenceLink l = byItem.get(itemId);
      if (l == null) {
        PlanItem item = s.find(PlanItem.class, itemId);
        if (item == null) {
          throw new WebError(400, "Nhiệm vụ #" + itemId + " không tồn tại.");
        }
        l = new EvidenceLink(e, item, "manual", "confirmed", null, actor, now);
        s.persist(l);
        links.add(l);
      } else if (!"confirmed".equals(l.getState())) {
        l.setState("confirmed", now);
      }
    }
    for (EvidenceLink l : links) {
      if (!chosenItemIds.contains(l.getPlanItem().getId()) && "confirmed".equals(l.getState())) {
        l.setState("rejected", now);
      }
    }
    e.setUpdatedAt(now);
    AuditLog.append(s, now, actor, "evidence.relink", "evidence", e.getId().toString(), before, snapshot(links));
  }

  /** Confirms or dismisses one suggested link; other links are untouched. Refused when the link is not a suggestion. */
  static void decide(Session s, Evidence e, long itemId, boolean confirm, String actor, Instant now) {
    if (decideAll(s, e, itemId, confirm, actor, now) == 0) {
      throw new WebError(409,
          "Nhiệm vụ #" + itemId + " không còn là đề xuất của minh chứng này; hãy tải lại trang để xem trạng thái mới.");
    }
  }

  /**
   * Confirms or dismisses the suggested links of this evidence, only the one to {@code itemId} when it is not
   * null; other links are untouched. Returns how many changed (0: nothing audited).
   */
  static int decideAll(Session s, Evidence e, Long itemId, boolean confirm, String actor, Instant now) {
    List<EvidenceLink> links = links(s, e);
    String before = snapshot(links);
    List<EvidenceLink> chosen = links.stream().filter(l -> "suggested".equals(l.getState())
        && (itemId == null || l.getPlanItem().getId().equals(itemId))).toList();
    if (chosen.isEmpty()) {
      return 0;
    }
    chosen.forEach(l -> l.setState(confirm ? "confirmed" : "rejected", now));
    e.setUpdatedAt(now);
    AuditLog.append(s, now, actor, confirm ? "evidence.link.confirm" : "evidence.link.dismiss", "evidence",
        e.getId().toString(), before, snapshot(links));
    return chosen.size();
  }

  private static List<EvidenceLink> links(Session s, Evidence e) {
    return new java.util.ArrayList<>(s.createSelectionQuery(
        "from EvidenceLink l join fetch l.planItem i join fetch i.plan where l.evidence = :e", EvidenceLink.class)
        .setParameter("e", e).getResultList());
  }

  private static String snapshot(List<EvidenceLink> links) {
    return Json.of("confirmed", codes(links, "confirmed"), "suggested", codes(links, "suggested"));
  }

  private static List<String> codes(List<EvidenceLink> links, String state) {
    return links.stream().filter(l -> state.equals(l.getState()))
        .map(l -> l.getPlanItem().getPlan().getCode() + " " + l.getPlanItem().getCode()).sorted().toList();
  }
}
