package vn.minhchung.review.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A harvest error as staff read it: a Vietnamese summary, and the technical text (as the connector or the
 * platform wrote it, often English) kept apart to be folded away. Errors are stored as {@code kind: message}
 * (e.g. {@code transient: … cannot connect: null}); the kind becomes the summary.
 */
public record ErrorText(String summary, String detail) {
  private static final Pattern KIND = Pattern.compile(
      "(?<![\\p{L}_])(transient|rate_limited|auth|permission|not_found|config|bad_response|quota): ");
  private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ENGLISH = Pattern.compile(
      "(?i)(?<![\\p{L}])(cannot|null|exception|error|failed|not found|not valid|please|refused|timed out|invalid|unexpected)(?![\\p{L}])");

  public static ErrorText of(String raw) {
    if (raw == null || raw.isBlank()) {
      return new ErrorText("", null);
    }
    String text = raw.strip();
    Matcher m = KIND.matcher(text);
    if (m.find()) {
      String before = text.substring(0, m.start()).strip();
      String summary = (before.isEmpty() ? "" : before + " ") + kind(m.group(1));
      return new ErrorText(summary, text.substring(m.start()));
    }
    if (!VIETNAMESE.matcher(text).find() || ENGLISH.matcher(text).find()) {
      return new ErrorText("Lỗi khi thu thập; xem chi tiết kỹ thuật hoặc báo quản trị viên.", text);
    }
    return new ErrorText(text, null);
  }

  /** The Vietnamese meaning of a connector failure kind. */
  static String kind(String code) {
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "transient" -> "Lỗi tạm thời: không kết nối được nguồn (mạng hoặc máy chủ nguồn); lần chạy sau sẽ thử lại.";
      case "rate_limited" -> "Nền tảng tạm giới hạn số lần gọi; lần chạy sau sẽ thử lại.";
      case "auth" -> "Nền tảng từ chối khóa truy cập; đơn vị cần kết nối lại tài khoản.";
      case "permission" -> "Thiếu quyền truy cập trang hoặc dữ liệu; cần cấp quyền cho tài khoản.";
      case "not_found" -> "Không tìm thấy kênh hoặc kênh không còn công khai.";
      case "config" -> "Thông tin kênh trong danh mục chưa đúng; quản trị viên cần sửa.";
      case "bad_response" -> "Nguồn trả về dữ liệu không đọc được; lần chạy sau sẽ thử lại.";
      case "quota" -> "Đã dùng hết hạn mức gọi trong ngày; sẽ tiếp tục sau.";
      default -> "Lỗi khi thu thập.";
    };
  }
}
