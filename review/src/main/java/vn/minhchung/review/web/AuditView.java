package vn.minhchung.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Vietnamese names of audit actions, and the before/after JSON of an event as "label: value" lines. */
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
      Map.entry("evidence.classify", "đổi thành phần / loại minh chứng"),
      Map.entry("evidence.link.confirm", "xác nhận đề xuất liên kết"),
      Map.entry("evidence.link.dismiss", "bỏ đề xuất liên kết"),
      Map.entry("evidence.recapture", "yêu cầu chụp lại"),
      Map.entry("evidence.upload", "tải lên minh chứng"),
      Map.entry("evidence.autolink", "đề xuất liên kết tự động"),
      Map.entry("channel.create", "đăng ký kênh"),
      Map.entry("channel.update", "sửa kênh"),
      Map.entry("channel.disable", "tắt kênh"),
      Map.entry("channel.enable", "bật lại kênh"),
      Map.entry("channel.harvest", "yêu cầu thu thập ngay"),
      Map.entry("dossier.export", "tải hồ sơ minh chứng"),
      Map.entry("account.connect", "kết nối tài khoản"),
      Map.entry("account.remove", "gỡ tài khoản"),
      Map.entry("registry.create", "thêm vào danh mục"),
      Map.entry("registry.update", "sửa danh mục"),
      Map.entry("alert.acknowledge", "tiếp nhận cảnh báo"),
      Map.entry("evidence.link.add", "thêm minh chứng bằng liên kết"),
      Map.entry("evidence.file.add", "thêm tệp vào minh chứng"),
      Map.entry("registry.import", "nhập danh mục từ Excel"));

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("status", "Trạng thái"), Map.entry("reason", "Lý do"), Map.entry("reviewedBy", "Người duyệt"),
      Map.entry("ip", "Địa chỉ máy"), Map.entry("limit", "Lý do chặn"), Map.entry("active", "Đang bật"),
      Map.entry("url", "Địa chỉ"), Map.entry("unit", "Đơn vị"), Map.entry("suggested", "Đề xuất"),
      Map.entry("confirmed", "Đã xác nhận"), Map.entry("name", "Tên"), Map.entry("kind", "Loại"),
      Map.entry("code", "Mã"), Map.entry("item", "Nhiệm vụ"), Map.entry("from", "Từ ngày"), Map.entry("to", "Đến ngày"),
      Map.entry("allStatuses", "Gồm minh chứng chưa duyệt"), Map.entry("evidence", "Số minh chứng"),
      Map.entry("files", "Số tệp"), Map.entry("bytes", "Dung lượng"), Map.entry("manifestSha256", "SHA-256 danh mục tệp"),
      Map.entry("timestamped", "Có dấu thời gian"), Map.entry("auditHeadId", "Bản ghi nhật ký cuối"),
      Map.entry("auditHead", "Mã băm nhật ký cuối"), Map.entry("file", "Tệp"), Map.entry("sha256", "SHA-256"),
      Map.entry("component", "Thành phần"), Map.entry("score", "Mức phù hợp"), Map.entry("state", "Trạng thái liên kết"),
      Map.entry("username", "Tên đăng nhập"), Map.entry("role", "Vai trò"), Map.entry("platform", "Nền tảng"),
      Map.entry("account", "Tài khoản"), Map.entry("tokenKind", "Loại khóa"), Map.entry("masked", "Khóa (đã che)"),
      Map.entry("expiresAt", "Hết hạn"), Map.entry("platformId", "Mã trên nền tảng"), Map.entry("schedule", "Lịch chạy"),
      Map.entry("title", "Tiêu đề"), Map.entry("deadline", "Hạn"), Map.entry("plan", "Kế hoạch"),
      Map.entry("acknowledgedBy", "Người tiếp nhận"), Map.entry("note", "Ghi chú"), Map.entry("docKind", "Loại tài liệu"),
      Map.entry("items", "Nhiệm vụ"), Map.entry("units", "Số đơn vị"), Map.entry("channels", "Số kênh"),
      Map.entry("plans", "Số kế hoạch"), Map.entry("workbook", "Tệp Excel"),
      Map.entry("kindBy", "Loại do người rà soát chọn"), Map.entry("flags", "Cờ"));
  private static final ObjectMapper JSON = new ObjectMapper();

  public static String action(String code) {
    return ACTIONS.getOrDefault(code, code);
  }

  /**
   * The fields of an audit event's JSON as Vietnamese "label: value" lines: codes in words, dates dd/MM/yyyy
   * (HH:mm), yes/no, lists joined; text that is not a JSON object is shown as it is.
   */
  public static List<String> fields(String json) {
    List<String> out = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      out.add(json);
      return out;
    }
    if (!root.isObject()) {
      out.add(json);
      return out;
    }
    root.fields().forEachRemaining(f -> out.add(FIELDS.getOrDefault(f.getKey(), f.getKey()) + ": "
        + value(f.getKey(), f.getValue())));
    return out;
  }

  private static String value(String key, JsonNode v) {
    if (v == null || v.isNull()) {
      return "—";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "có" : "không";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(value(key, x)));
      return parts.isEmpty() ? "—" : String.join(", ", parts);
    }
    if (v.isNumber()) {
      if (key.equals("score")) {
        return Fmt.percent(v.doubleValue());
      }
      if (key.equals("bytes")) {
        return Fmt.bytes(v.longValue());
      }
      return v.isIntegralNumber() ? Fmt.number(v.longValue()) : v.asText();
    }
    String t = v.asText();
    switch (key) {
      case "status":
        return Fmt.status(t);
      case "state":
        return Fmt.linkState(t);
      case "role":
        return vn.minhchung.review.auth.Role.fromCode(t).map(vn.minhchung.review.auth.Role::label).orElse(t);
      case "kind":
        return vn.minhchung.config.registry.ChannelKind.fromCode(t).map(vn.minhchung.config.registry.ChannelKind::label)
            .orElse(t);
      default:
        break;
    }
    try {
      return Fmt.dateTime(Instant.parse(t));
    } catch (DateTimeParseException e) {
      // not an instant
    }
    try {
      return Fmt.date(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      return t;
    }
  }
}
