package vn.minhchung.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.alert.Alert;

/** Formats values the way Vietnamese staff read them: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, 1.234 grouping. */
public final class Fmt {
  private Fmt() {}

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  public static String dateTime(Instant t) {
    return t == null ? "—" : DATE_TIME.format(t.atZone(Settings.ZONE));
  }

  /** When an evidence item's subject happened: a day given by staff without a time, else date and time. */
  public static String occurred(vn.minhchung.storage.evidence.Evidence e) {
    return e.isOccurredDateOnly() ? date(e.getOccurredAt()) : dateTime(e.getOccurredAt());
  }

  public static String date(LocalDate d) {
    return d == null ? "—" : DATE.format(d);
  }

  public static String date(Instant t) {
    return t == null ? "—" : DATE.format(t.atZone(Settings.ZONE));
  }

  /** 1234567 → "1.234.567". */
  public static String number(int n) {
    return number((long) n);
  }

  /** 1234567 → "1.234.567". */
  public static String number(Long n) {
    return n == null ? "—" : String.format(Locale.ROOT, "%,d", n).replace(',', '.');
  }

  /** A 0–1 match score as a whole percentage: 0.745 → "75%". */
  public static String percent(Double score) {
    return score == null ? "—" : Math.round(score * 100) + "%";
  }

  public static String duration(Integer seconds) {
    if (seconds == null) {
      return "—";
    }
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0).replace('.', ',');
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024)).replace('.', ',');
  }

  public static String status(String status) {
    return switch (status) {
      case "pending" -> "Chờ duyệt";
      case "approved" -> "Đã duyệt";
      case "rejected" -> "Từ chối";
      default -> status;
    };
  }

  public static String linkState(String state) {
    return switch (state) {
      case "suggested" -> "Đề xuất";
      case "confirmed" -> "Đã xác nhận";
      case "rejected" -> "Đã bỏ";
      default -> state;
    };
  }

  public static String runStatus(String status) {
    return switch (status) {
      case "running" -> "Đang chạy";
      case "success" -> "Thành công";
      case "partial" -> "Một phần";
      case "failed" -> "Thất bại";
      case "interrupted" -> "Bị ngắt";
      case "skipped" -> "Bỏ qua";
      case "blocked" -> "Bị chặn";
      default -> status;
    };
  }

  /** A capture's status as staff read it ("ok" → "Đã chụp"). */
  public static String captureStatus(String status) {
    return switch (status) {
      case "ok" -> "Đã chụp";
      case "missing_fields" -> "Thiếu ngày đăng / lượt tương tác";
      case "login_wall" -> "Cần đăng nhập";
      case "unavailable" -> "Nội dung không khả dụng";
      case "not_found" -> "Không tìm thấy trang (404/410)";
      case "error" -> "Lỗi khi tải trang";
      case "timeout" -> "Trang không tải xong";
      default -> status;
    };
  }

  /** A media type as a kind of file ("image/jpeg" → "Ảnh JPEG"). */
  public static String fileKind(String mediaType) {
    String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (t.startsWith("image/jpeg")) {
      return "Ảnh JPEG";
    }
    if (t.startsWith("image/png")) {
      return "Ảnh PNG";
    }
    if (t.startsWith("application/pdf")) {
      return "Tài liệu PDF";
    }
    if (t.contains("wordprocessingml")) {
      return "Văn bản Word (DOCX)";
    }
    if (t.contains("spreadsheetml")) {
      return "Bảng tính Excel (XLSX)";
    }
    if (t.startsWith("video/")) {
      return "Video";
    }
    if (t.startsWith("text/html")) {
      return "Trang HTML";
    }
    return "Tệp";
  }

  /**
   * The date text a platform gave, when it is what a person saw on the page ("Hôm qua lúc 10:30"); null when it
   * is machine text (ISO-8601, epoch) that {@link #dateTime} shows better.
   */
  public static String shownDateText(String text) {
    return vn.minhchung.review.export.DossierText.shownOnPage(text);
  }

  public static String source(String source) {
    return switch (source == null ? "" : source) {
      case "uploaded" -> "Tải lên";
      case "manual" -> "Thêm bằng liên kết";
      default -> "Thu thập tự động";
    };
  }

  /** What a person should do about an alert of this kind, in Vietnamese. */
  public static String alertAdvice(Alert.Kind kind) {
    return switch (kind) {
      case STALE_CHANNEL -> "Mở trang kênh, bấm “Thu thập ngay” và xem lỗi của lần chạy gần nhất; nếu địa chỉ kênh đã đổi,"
          + " quản trị viên sửa kênh.";
      case FAILURE_STREAK -> "Xem lỗi của các lần chạy gần nhất trên trang kênh: lỗi mạng tạm thời sẽ tự hết ở lần sau,"
          + " lỗi cấu hình cần quản trị viên sửa kênh.";
      case CREDENTIAL_REJECTED -> "Nhờ đơn vị quản lý trang kết nối lại tài khoản (trang Tài khoản), rồi bấm “Thu thập ngay”.";
      case CHANNEL_BLOCKED -> "Kiểm tra trang còn công khai không; nếu trang đòi đăng nhập, nhập lại phiên đăng nhập đã lưu"
          + " hoặc kết nối tài khoản; nếu thông tin kênh sai, quản trị viên sửa kênh.";
      case DEADLINE_EVIDENCE -> "Mở minh chứng của nhiệm vụ: duyệt minh chứng đang chờ, xác nhận liên kết đề xuất, hoặc"
          + " thêm liên kết, tải lên minh chứng còn thiếu.";
      case ACCOUNT_EXPIRING -> "Nhờ đơn vị sở hữu trang kết nối lại tài khoản trước khi hết hạn (trang Tài khoản).";
      case NODE_SILENT -> "Xem trang Máy chủ và khởi động lại tiến trình serve đã dừng (cảnh báo tự hết khi máy chủ chạy"
          + " lại); nếu máy chủ được bỏ đi có chủ ý, bấm “Đã tiếp nhận” và ghi chú lý do.";
      case BANNER_MISSING -> "Báo đơn vị quản lý trang đăng lại banner trong thời gian theo dõi; ảnh chụp từng ngày (có"
          + " hay không thấy banner) nằm trong bảng theo dõi banner của hồ sơ minh chứng.";
    };
  }

  public static String alertKind(Alert.Kind kind) {
    return switch (kind) {
      case STALE_CHANNEL -> "Lâu không thu thập được";
      case FAILURE_STREAK -> "Lỗi nhiều lần liên tiếp";
      case CREDENTIAL_REJECTED -> "Khóa truy cập bị từ chối";
      case CHANNEL_BLOCKED -> "Kênh bị chặn hoặc cấu hình sai";
      case DEADLINE_EVIDENCE -> "Đến hạn hoặc quá hạn, thiếu minh chứng";
      case ACCOUNT_EXPIRING -> "Tài khoản kết nối sắp hết hạn";
      case BANNER_MISSING -> "Không thấy banner trên trang theo dõi";
      case NODE_SILENT -> "Máy chủ mất liên lạc";
    };
  }
}
