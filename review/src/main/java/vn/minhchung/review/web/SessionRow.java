package vn.minhchung.review.web;

import java.time.Instant;
import vn.minhchung.storage.credential.SavedSession;

/** One saved browser session on the "Tài khoản kết nối" page: its facts (never its cookies) and how to renew it. */
public record SessionRow(String platform, String state, String stateDetail, String importedBy, Instant importedAt,
    Instant authExpiresAt, Instant checkedAt, int cookies) {

  static SessionRow of(SavedSession s) {
    return new SessionRow(s.getPlatform(), s.getState().code(), s.getStateDetail(), s.getImportedBy(),
        s.getImportedAt(), s.getAuthExpiresAt(), s.getCheckedAt(), s.getCookieCount());
  }

  public String platformLabel() {
    return switch (platform) {
      case "facebook" -> "Facebook";
      case "zalo" -> "Zalo";
      case "youtube" -> "YouTube";
      default -> platform;
    };
  }

  public String stateLabel() {
    return switch (state) {
      case "logged_in" -> "Đã đăng nhập";
      case "logged_out" -> "Đã đăng xuất";
      case "checkpoint" -> "Bị yêu cầu xác minh";
      default -> "Chưa kiểm tra";
    };
  }

  public String stateBadge() {
    return switch (state) {
      case "logged_in" -> "badge-ok";
      case "unknown" -> "badge-neutral";
      default -> "badge-danger";
    };
  }

  /** The commands that renew the session (export the cookies again from a logged-in browser, import, check). */
  public String renewCommand() {
    return "session import " + platform + " cookies.txt && session check " + platform;
  }

  /** What to do now, in one sentence. */
  public String advice() {
    return switch (state) {
      case "logged_in" -> "Phiên dùng được. Khi hết hạn, xuất lại cookie từ trình duyệt đang đăng nhập rồi nhập lại.";
      case "logged_out" -> "Phiên đã hết: đăng nhập lại " + platformLabel() + " trong trình duyệt, xuất cookie và nhập lại.";
      case "checkpoint" -> platformLabel() + " yêu cầu xác minh tài khoản: mở " + platformLabel()
          + " bằng tài khoản này, xác minh, rồi xuất cookie và nhập lại.";
      default -> "Chưa kiểm tra: chạy lệnh session check " + platform + ".";
    };
  }
}
