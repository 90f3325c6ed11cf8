package vn.minhchung.review.web;

import java.util.Map;

/** Vietnamese names of audit actions. */
public final class AuditView {
  private AuditView() {}

  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("login.success", "đăng nhập"),
      Map.entry("login.failure", "đăng nhập thất bại"),
      Map.entry("login.blocked", "đăng nhập bị chặn (sai quá nhiều lần)"),
      Map.entry("logout", "đăng xuất"),
      Map.entry("user.add", "tạo người dùng"),
      Map.entry("user.password", "đặt lại mật khẩu"),
      Map.entry("user.disable", "khóa người dùng"),
      Map.entry("user.enable", "mở khóa người dùng"),
      Map.entry("evidence.approve", "duyệt minh chứng"),
      Map.entry("evidence.reject", "từ chối minh chứng"),
      Map.entry("evidence.relink", "cập nhật liên kết nhiệm vụ"),
      Map.entry("evidence.recapture", "yêu cầu chụp lại"),
      Map.entry("evidence.upload", "tải lên minh chứng"),
      Map.entry("evidence.autolink", "đề xuất liên kết tự động"),
      Map.entry("channel.create", "đăng ký kênh"),
      Map.entry("channel.update", "sửa kênh"),
      Map.entry("channel.disable", "tắt kênh"),
      Map.entry("channel.enable", "bật lại kênh"),
      Map.entry("channel.harvest", "yêu cầu thu thập ngay"),
      Map.entry("dossier.export", "tải hồ sơ minh chứng"));

  public static String action(String code) {
    return ACTIONS.getOrDefault(code, code);
  }
}
