package vn.minhchung.review.web;

import java.time.Instant;

/** One platform channel on the "Tài khoản kết nối" page: its account (if any) as people may see it. */
public record AccountRow(long channelId, String channelCode, String channelName, String unitName, String platform,
    String account, String accountName, String status, Instant expiresAt, Instant lastSuccessAt, String lastError,
    String masked) {

  public String platformLabel() {
    return switch (platform) {
      case "facebook" -> "Facebook";
      case "zalo" -> "Zalo OA";
      default -> "YouTube";
    };
  }

  /**
   * The status in Vietnamese: "Chưa kết nối" for a channel without an account, "Dùng khóa chung" when a
   * platform-wide credential of the settings serves it.
   */
  public String statusLabel() {
    return switch (status) {
      case "ok" -> "Đang hoạt động";
      case "expiring" -> "Sắp hết hạn";
      case "rejected" -> "Bị từ chối";
      case "revoked" -> "Đã thu hồi quyền";
      case "shared" -> "Dùng khóa chung";
      default -> "Chưa kết nối";
    };
  }

  public String statusBadge() {
    return switch (status) {
      case "ok" -> "badge-ok";
      case "expiring" -> "badge-warn";
      case "none", "shared" -> "badge-neutral";
      default -> "badge-danger";
    };
  }

  /** What the admin should do now, in one sentence. */
  public String advice() {
    return switch (status) {
      case "none" -> platform.equals("youtube")
          ? "Kênh YouTube đọc bằng feed công khai; muốn có thời lượng và lượt thích, nhập khóa API bằng lệnh 'credentials set "
              + channelCode + "'."
          : "Chưa có tài khoản: đề nghị " + unitName + " (quản trị viên " + (platform.equals("facebook") ? "Trang" : "OA")
              + ") bấm Kết nối và cấp quyền.";
      case "shared" -> "Kênh dùng " + (platform.equals("youtube") ? "khóa API" : "token") + " chung của trung tâm"
          + " trong cấu hình; muốn dùng tài khoản riêng của " + unitName + ", bấm Kết nối hoặc dùng lệnh 'credentials set "
          + channelCode + "'.";
      case "expiring" -> "Token sắp hết hạn: đề nghị " + unitName + " kết nối lại trước ngày hết hạn.";
      case "rejected" -> "Nền tảng từ chối token (hết hạn, đổi mật khẩu hoặc thiếu quyền): đề nghị " + unitName
          + " kết nối lại; đến khi đó kênh không được thu thập.";
      case "revoked" -> "Quyền của ứng dụng đã bị gỡ: đề nghị " + unitName + " kết nối lại và cấp đủ quyền.";
      default -> "";
    };
  }
}
