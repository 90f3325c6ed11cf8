package vn.minhchung.storage.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.post.Post;

/**
 * A reviewer's change of an evidence item's component (e.g. an infographic post filed as component 2 moved to
 * component 5) and kind; a null kind gives the kind back to the rules ({@link KindRules}). The post's duration flag
 * follows ({@link DurationRule}). Audited as {@code evidence.classify} with component, kind, who chose it and the
 * post's flags before and after; a change to the same values writes nothing.
 */
public final class Classification {
  /** The audit action. */
  public static final String ACTION = "evidence.classify";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Classification() {}

  /**
   * Sets component and kind. Returns false when nothing changed.
   *
   * @param kind the kind chosen by {@code actor}, or null for the kind the rules give
   */
  public static boolean change(Session s, Evidence e, EvidenceComponent component, EvidenceKind kind, String actor,
      Instant now) {
    String newKind;
    String kindBy;
    if (kind == null) {
      Post p = e.getPost();
      newKind = p == null ? null : KindRules.of(p.getKind(), String.join(" ", Objects.toString(p.getTitle(), ""),
          Objects.toString(p.getLead(), ""), Objects.toString(p.getBody(), ""))).code();
      kindBy = null;
    } else {
      newKind = kind.code();
      kindBy = actor;
    }
    if (component.number() == e.getComponent() && Objects.equals(newKind, e.getKind())
        && Objects.equals(kindBy, e.getKindBy())) {
      return false;
    }
    String before = snapshot(e);
    e.setComponent(component.number());
    e.setKind(newKind, kindBy);
    DurationRule.apply(s, e);
    e.setUpdatedAt(now);
    AuditLog.append(s, now, actor, ACTION, "evidence", e.getId().toString(), before, snapshot(e));
    return true;
  }

  private static String snapshot(Evidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("component", e.getComponent());
    m.put("kind", e.getKind());
    m.put("kindBy", e.getKindBy());
    m.put("flags", e.getPost() == null ? null : e.getPost().getFlags());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write the classification of evidence #" + e.getId(), ex);
    }
  }
}
