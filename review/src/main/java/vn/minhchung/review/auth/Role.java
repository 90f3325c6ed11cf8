package vn.minhchung.review.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a web user may do: admin (registry, users, everything), reviewer (review, upload, link), viewer (read). */
public enum Role {
  ADMIN("admin", "Quản trị"),
  REVIEWER("reviewer", "Cán bộ rà soát"),
  VIEWER("viewer", "Chỉ xem");

  private final String code;
  private final String label;

  Role(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean canReview() {
    return this != VIEWER;
  }

  public boolean isAdmin() {
    return this == ADMIN;
  }

  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
