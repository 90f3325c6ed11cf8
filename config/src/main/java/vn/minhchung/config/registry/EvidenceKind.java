package vn.minhchung.config.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a piece of evidence is, finer than its component: a plan target may ask for one kind (e.g. 7 clips of
 * 5–10 minutes, 1 3D infographic clip, 5 2D infographics). Stored as {@link #code()} in {@code evidence.kind}
 * and {@code target.kind}; named in the registry by the same code.
 */
public enum EvidenceKind {
  CLIP("clip", "clip / video"),
  INFOGRAPHIC_2D("infographic_2d", "infographic 2D"),
  INFOGRAPHIC_3D("infographic_3d", "infographic 3D (clip)"),
  ARTICLE("article", "bài báo"),
  POST("post", "bài đăng"),
  BANNER_DAY("banner_day", "ngày treo banner");

  private final String code;
  private final String label;

  EvidenceKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The registry and database code, e.g. {@code infographic_2d}. */
  public String code() {
    return code;
  }

  /** The Vietnamese name shown to people. */
  public String label() {
    return label;
  }

  /** True for the kinds that are videos, whose duration a target may bound. */
  public boolean hasDuration() {
    return this == CLIP || this == INFOGRAPHIC_3D;
  }

  public static Optional<EvidenceKind> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
  }

  /** "clip, infographic_2d, …" for error messages. */
  public static String codes() {
    return Arrays.stream(values()).map(EvidenceKind::code).collect(Collectors.joining(", "));
  }
}
