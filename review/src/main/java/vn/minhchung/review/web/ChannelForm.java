package vn.minhchung.review.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.text.VietnameseText;

/**
 * The channel form as submitted, and its validation with the registry file's rules: code format, known kind,
 * an http(s) URL that fits the kind, a valid Quartz cron, an existing unit. Errors are Vietnamese, by field.
 */
public record ChannelForm(String code, String unitCode, String kind, String name, String url, String platformId,
    String schedule) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> FACEBOOK = Set.of("facebook.com", "www.facebook.com", "m.facebook.com", "fb.com");
  private static final Set<String> ZALO = Set.of("zalo.me", "oa.zalo.me");
  private static final Set<String> YOUTUBE = Set.of("youtube.com", "www.youtube.com", "m.youtube.com");

  public static ChannelForm empty() {
    return new ChannelForm("", "", "", "", "", "", "");
  }

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

  static Optional<String> urlProblem(String url, ChannelKind kind) {
    if (url.isEmpty()) {
      return Optional.of("Nhập địa chỉ kênh (bắt đầu bằng https://).");
    }
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("Địa chỉ không hợp lệ: " + e.getReason() + ".");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      return Optional.of("Địa chỉ phải là http:// hoặc https:// kèm tên miền.");
    }
    if (url.length() > 2000) {
      return Optional.of("Địa chỉ dài quá 2000 ký tự.");
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (kind == ChannelKind.FACEBOOK_PAGE && !FACEBOOK.contains(host)) {
      return Optional.of("Fanpage Facebook phải có địa chỉ facebook.com, ví dụ https://www.facebook.com/tenfanpage.");
    }
    if (kind == ChannelKind.ZALO_OA && !ZALO.contains(host)) {
      return Optional.of("Zalo OA phải có địa chỉ zalo.me, ví dụ https://zalo.me/tenOA.");
    }
    if (kind == ChannelKind.YOUTUBE_CHANNEL) {
      String path = u.getPath() == null ? "" : u.getPath();
      if (!YOUTUBE.contains(host) || !(path.startsWith("/@") || path.startsWith("/channel/") || path.startsWith("/c/")
          || path.startsWith("/user/"))) {
        return Optional.of("Kênh YouTube phải có dạng https://www.youtube.com/@ten hoặc https://www.youtube.com/channel/UC….");
      }
    }
    if ((kind == ChannelKind.NEWS_SITE || kind == ChannelKind.WEB_PAGE)
        && (FACEBOOK.contains(host) || ZALO.contains(host) || YOUTUBE.contains(host))) {
      return Optional.of("Địa chỉ mạng xã hội: hãy chọn đúng loại kênh (Fanpage, Zalo OA hoặc YouTube).");
    }
    return Optional.empty();
  }
}
