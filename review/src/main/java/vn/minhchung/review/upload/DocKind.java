package vn.minhchung.review.upload;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of document staff upload as evidence, with their Vietnamese names; {@link #code()} is stored. */
public enum DocKind {
  BIEN_BAN("Biên bản"),
  BAO_CAO("Báo cáo"),
  QUYET_DINH("Quyết định"),
  KE_HOACH("Kế hoạch"),
  KICH_BAN("Kịch bản"),
  THIET_KE("Thiết kế ấn phẩm"),
  ANH("Ảnh"),
  VIDEO("Video");

  private final String label;

  DocKind(String label) {
    this.label = label;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public static Optional<DocKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
  }

  /** The name of a stored code, or an empty string when none or unknown. */
  public static String labelOf(String code) {
    return code == null ? "" : fromCode(code).map(DocKind::label).orElse("");
  }
}
