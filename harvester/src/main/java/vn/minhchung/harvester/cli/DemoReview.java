package vn.minhchung.harvester.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.harvester.demo.DemoRegistry;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.Classification;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.PlanItem;

/**
 * What the demo's reviewer does for the 2025 communication plan, so that its dashboard shows targets met and not
 * met with their reasons: approves two reportage clips in the 5–10-minute bounds and the 24-minute webinar (out of
 * bounds), moves the 3D infographic clip and the infographic post from component 2 to component 5, and confirms
 * each one's link to item 1 (the Fanpage's NQ 57 video, 2:32 by Graph's {@code length}, to item 2). Each step is audited as a reviewer's would be and is done
 * only once: a later run finds it done and changes nothing.
 */
final class DemoReview {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A demo post (YouTube video id or Fanpage post id), the item it proves and the component it belongs in. */
  record Step(String channel, String platformSuffix, String item, EvidenceComponent component) {}

  static final List<Step> STEPS = List.of(
      new Step(DemoRegistry.YOUTUBE, "bN7pS1kQ3xA", "1", null),
      new Step(DemoRegistry.YOUTUBE, "bN7pS2mR4yB", "1", null),
      new Step(DemoRegistry.YOUTUBE, "bN7pT0vA2gK", "1", null),
      new Step(DemoRegistry.YOUTUBE, "bN7pI8tY0eH", "1", EvidenceComponent.VISUAL_DESIGN),
      new Step(DemoRegistry.FACEBOOK, "1187465230912003", "1", EvidenceComponent.VISUAL_DESIGN),
      new Step(DemoRegistry.FACEBOOK, "1187465230912006", "2", null));

  private DemoReview() {}

  /** Applies the steps whose evidence was harvested; prints one line with what it did. */
  static void apply(Database db, Instant now, PrintWriter out) {
    int[] done = new int[2];
    db.runInTransaction(s -> {
      for (Step step : STEPS) {
        Evidence e = evidence(s, step);
        PlanItem item = item(s, step.item());
        if (e == null || item == null) {
          continue;
        }
        if (step.component() != null && Classification.change(s, e, step.component(), null, DemoCommand.ACTOR, now)) {
          done[1]++;
        }
        if (approve(s, e, now) | confirm(s, e, item, now)) {
          done[0]++;
        }
      }
    });
    out.printf(Locale.ROOT, "Rà soát mẫu kế hoạch %s: %d minh chứng được duyệt và xác nhận liên kết, %d chuyển "
        + "sang thành phần 5 (xem chỉ tiêu ở trang Tổng quan).%n", DemoRegistry.COMMUNICATION_PLAN, done[0], done[1]);
  }

  private static Evidence evidence(Session s, Step step) {
    return s.createSelectionQuery("from Evidence e where e.post.channel.code = :c and e.post.platformId like :p",
        Evidence.class).setParameter("c", step.channel()).setParameter("p", "%" + step.platformSuffix())
        .setMaxResults(1).uniqueResult();
  }

  private static PlanItem item(Session s, String code) {
    return s.createSelectionQuery("from PlanItem i where i.plan.code = :p and i.code = :c", PlanItem.class)
        .setParameter("p", DemoRegistry.COMMUNICATION_PLAN).setParameter("c", code).uniqueResult();
  }

  private static boolean approve(Session s, Evidence e, Instant now) {
    if (!"pending".equals(e.getStatus())) {
      return false;
    }
    String before = json("status", e.getStatus(), "reason", e.getReviewReason(), "reviewedBy", e.getReviewedBy());
    e.review("approved", null, DemoCommand.ACTOR, now);
    AuditLog.append(s, now, DemoCommand.ACTOR, "evidence.approve", "evidence", e.getId().toString(), before,
        json("status", "approved", "reason", null, "reviewedBy", DemoCommand.ACTOR));
    return true;
  }

  private static boolean confirm(Session s, Evidence e, PlanItem item, Instant now) {
    EvidenceLink l = s.createSelectionQuery("from EvidenceLink l where l.evidence = :e and l.planItem = :i",
        EvidenceLink.class).setParameter("e", e).setParameter("i", item).uniqueResult();
    if (l != null && !"suggested".equals(l.getState())) {
      return false; // confirmed already, or dismissed by a person: left as it is
    }
    String code = DemoRegistry.COMMUNICATION_PLAN + " " + item.getCode();
    if (l == null) {
      s.persist(new EvidenceLink(e, item, "manual", "confirmed", null, DemoCommand.ACTOR, now));
      AuditLog.append(s, now, DemoCommand.ACTOR, "evidence.relink", "evidence", e.getId().toString(),
          json("confirmed", List.of()), json("confirmed", List.of(code)));
    } else {
      l.setState("confirmed", now);
      AuditLog.append(s, now, DemoCommand.ACTOR, "evidence.link.confirm", "evidence", e.getId().toString(),
          json("suggested", List.of(code)), json("confirmed", List.of(code)));
    }
    e.setUpdatedAt(now);
    return true;
  }

  private static String json(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write an audit value", ex);
    }
  }
}
