package vn.minhchung.review.progress;

import java.util.Locale;
import vn.minhchung.config.registry.EvidenceComponent;

/**
 * A quantified target and how much of it approved evidence covers. {@code have} counts approved evidence of
 * the target's component with a confirmed link to the item; for video targets with a duration range only
 * posts whose duration lies in [min, max] count. {@code have} may exceed {@code need}.
 */
public record TargetProgress(EvidenceComponent component, String description, int need, int have,
    Integer minDurationSeconds, Integer maxDurationSeconds) {

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
