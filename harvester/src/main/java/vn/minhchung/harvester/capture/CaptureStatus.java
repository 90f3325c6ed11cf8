package vn.minhchung.harvester.capture;

/**
 * What a capture found. Only {@link #OK} is evidence; every other status is recorded so a person can see why
 * there is no proof, and is never filed as evidence. {@link #code()} is the value of {@code capture.status}.
 */
public enum CaptureStatus {
  OK("ok", "đã chụp"),
  MISSING_FIELDS("missing_fields", "thiếu ngày đăng / lượt tương tác"),
  LOGIN_WALL("login_wall", "cần đăng nhập"),
  UNAVAILABLE("unavailable", "nội dung không khả dụng"),
  NOT_FOUND("not_found", "không tìm thấy trang (404/410)"),
  ERROR("error", "lỗi khi tải trang"),
  TIMEOUT("timeout", "trang không tải xong");

  private final String code;
  private final String label;

  CaptureStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** Vietnamese label shown to staff. */
  public String label() {
    return label;
  }
}
