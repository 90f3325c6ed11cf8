package vn.minhchung.review.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.ChannelRules;
import vn.minhchung.config.text.VietnameseText;

/**
 * The channel form as submitted, and its validation with the registry file's rules: code format, known kind,
 * an http(s) URL that fits the kind ({@link ChannelRules}), a valid Quartz cron, an existing unit. Errors are Vietnamese, by field.
 */
public record ChannelForm(String code, String unitCode, String kind, String name, String url, String platformId,
    String schedule) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Trimmed, NFC values; nulls become empty strings. */
  public ChannelForm normalized() {
    return new ChannelForm(t(code), t(unitCode), t(kind), t(name), t(url), t(platformId), t(schedule));
  }

  private static String t(String s) {
    return s == null ? "" : VietnameseText.nfc(s.trim());
  }

  /** Field → problem; empty when valid. {@code unitExists} and {@code codeTaken} look at the database. */
  public Map<String, String> validate(java.util.function.Predicate<String> unitExists, boolean codeTaken) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!CODE.matcher(code).matches()) {
      errors.put("code", "Mã kênh gồm chữ, số, '.', '_' hoặc '-' (tối đa 64 ký tự), ví dụ FB-TTBN.");
    } else if (codeTaken) {
      errors.put("code", "Mã kênh " + code + " đã được dùng cho kênh khác.");
    }
    if (unitCode.isEmpty()) {
      errors.put("unit", "Chọn đơn vị sở hữu kênh.");
    } else if (!unitExists.test(unitCode)) {
      errors.put("unit", "Đơn vị " + unitCode + " không có trong danh mục.");
    }
    Optional<ChannelKind> k = ChannelKind.fromCode(kind);
    if (k.isEmpty()) {
      errors.put("kind", "Chọn loại kênh: " + ChannelKind.allCodes() + ".");
    }
    if (name.isEmpty()) {
      errors.put("name", "Nhập tên kênh như hiển thị trên nền tảng.");
    } else if (name.length() > 500) {
      errors.put("name", "Tên kênh dài quá 500 ký tự.");
    }
    urlProblem(url, k.orElse(null)).ifPresent(p -> errors.put("url", p));
    if (!schedule.isEmpty() && !CronExpression.isValidExpression(schedule)) {
      errors.put("schedule", "Lịch chạy không phải biểu thức cron Quartz hợp lệ (ví dụ: 0 0 6 * * ?).");
    }
    if (platformId.length() > 200) {
      errors.put("platformId", "Mã trên nền tảng dài quá 200 ký tự.");
    }
    return errors;
  }

  /** The registry file's rule ({@link ChannelRules#urlProblem}) with the message in Vietnamese for staff. */
  static Optional<String> urlProblem(String url, ChannelKind kind) {
    if (url.isEmpty()) {
      return Optional.of("Nhập địa chỉ kênh (bắt đầu bằng https://).");
    }
    if (ChannelRules.httpUri(url).isEmpty()) {
      return Optional.of("Địa chỉ phải là http:// hoặc https:// kèm tên miền.");
    }
    if (url.length() > 2000) {
      return Optional.of("Địa chỉ dài quá 2000 ký tự.");
    }
    if (kind == null || ChannelRules.urlProblem(kind, url).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(switch (kind) {
      case FACEBOOK_PAGE -> "Fanpage Facebook phải có địa chỉ facebook.com, ví dụ https://www.facebook.com/tenfanpage.";
      case ZALO_OA -> "Zalo OA phải có địa chỉ zalo.me, ví dụ https://zalo.me/tenOA.";
      case YOUTUBE_CHANNEL -> "Kênh YouTube phải có địa chỉ youtube.com, ví dụ https://www.youtube.com/@tenkenh.";
      default -> "Địa chỉ không phù hợp với loại kênh.";
    });
  }
}
