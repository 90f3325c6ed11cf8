package vn.minhchung.review.progress;

import java.util.List;
import java.util.Locale;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;

/**
 * A quantified target and how much of it approved evidence covers. {@code have} counts approved evidence of
 * the target's component and kind (when it names one) with a confirmed link to the item, dated within the
 * item's time; for targets with a duration range only posts whose duration lies in [min, max] count (see
 * {@link TargetRule}). {@code have} may exceed {@code need}. {@code evidence} lists the evidence counted first,
 * then the evidence of the target's component or kind that does not count, each with its reason: that of the
 * target's kind first, approved before the rest.
 */
public record TargetProgress(EvidenceComponent component, EvidenceKind kind, String description, int need, int have,
    Integer minDurationSeconds, Integer maxDurationSeconds, List<TargetEvidence> evidence) {

  public TargetProgress {
    evidence = List.copyOf(evidence);
  }

  /** A target without kind and without the per-evidence list (tests of the texts). */
  public TargetProgress(EvidenceComponent component, String description, int need, int have,
      Integer minDurationSeconds, Integer maxDurationSeconds) {
    this(component, null, description, need, have, minDurationSeconds, maxDurationSeconds, List.of());
  }

  /** What counts, for people: "thành phần 2 · clip / video · 5–10 phút". */
  public String condition() {
    StringBuilder sb = new StringBuilder("thành phần ").append(component.number());
    if (kind != null) {
      sb.append(" · ").append(kind.label());
    }
    if (minDurationSeconds != null || maxDurationSeconds != null) {
      sb.append(" · ").append(TargetRule.bounds(minDurationSeconds, maxDurationSeconds));
    }
    return sb.toString();
  }

  public List<TargetEvidence> counted() {
    return evidence.stream().filter(TargetEvidence::counted).toList();
  }

  public List<TargetEvidence> notCounted() {
    return evidence.stream().filter(e -> !e.counted()).toList();
  }

  public boolean met() {
    return have >= need;
  }

  /** "4/7 Clip phóng sự 5–10 phút". */
  public String summary() {
    return have + "/" + need + " " + description;
  }

  /**
   * Empty when met; "chưa có bản scan báo in" when a single item is needed and none is there; otherwise
   * "3/7 clip phóng sự 5–10 phút" (have/need, description starting lower case).
   */
  public String missingText() {
    if (met()) {
      return "";
    }
    String d = lowerFirst(description);
    return have == 0 && need == 1 ? "chưa có " + d : have + "/" + need + " " + d;
  }

  private static String lowerFirst(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int len = Character.charCount(first);
    // Keep acronyms ("CĐS", "PDF") as written: only lower a capital followed by a lower-case letter.
    if (s.length() > len && Character.isUpperCase(s.codePointAt(len))) {
      return s;
    }
    return s.substring(0, len).toLowerCase(Locale.ROOT) + s.substring(len);
  }
}
