package vn.minhchung.review.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.ChannelRules;
import vn.minhchung.config.text.VietnameseText;

/**
 * The channel form as submitted, and its validation with the registry file's rules: code format, known kind,
 * an http(s) URL that fits the kind ({@link ChannelRules}), the schedule ({@link ScheduleChoice}, a valid Quartz
 * cron in the end), an existing unit, and the kind's options (a news site's feed, sitemap or listing addresses,
 * a watched page's selector, text and period, a platform channel's reading mode). Errors are Vietnamese, by field.
 * {@code options} holds each option's text as typed: several addresses one per line.
 */
public record ChannelForm(String code, String unitCode, String kind, String name, String url, String platformId,
    ScheduleChoice schedule, Map<String, String> options) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", java.util.Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  /** Option labels as the form shows them. */
  public static final Map<String, String> OPTION_LABELS = labels();

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("feedUrl", "Địa chỉ RSS/Atom (mỗi dòng một địa chỉ)");
    m.put("sitemapUrl", "Địa chỉ sơ đồ trang (sitemap; mỗi dòng một địa chỉ)");
    m.put("listingUrl", "Địa chỉ trang chuyên mục (danh sách bài)");
    m.put("articleLink", "Bộ chọn CSS của liên kết bài viết trong chuyên mục");
    m.put("nextLink", "Bộ chọn CSS của nút “trang sau” (không bắt buộc)");
    m.put("watchSelector", "Bộ chọn CSS của phần tử phải hiển thị (ví dụ banner)");
    m.put("watchText", "Hoặc dòng chữ phải hiển thị");
    m.put("watchFrom", "Theo dõi từ ngày (dd/MM/yyyy)");
    m.put("watchTo", "Đến ngày (dd/MM/yyyy)");
    m.put("via", "Cách đọc kênh");
    return Map.copyOf(m);
  }

  /** Trimmed, NFC values; nulls become empty strings; options other than the kind's are dropped. */
  public ChannelForm normalized() {
    Map<String, String> opts = new LinkedHashMap<>();
    Optional<ChannelKind> k = ChannelKind.fromCode(t(kind));
    if (k.isPresent()) {
      for (String key : ChannelRules.OPTION_KEYS.get(k.get())) {
        String v = t(options.get(key));
        if (!v.isEmpty()) {
          opts.put(key, v);
        }
      }
    }
    return new ChannelForm(t(code), t(unitCode), t(kind), t(name), t(url), t(platformId), schedule, opts);
  }

  private static String t(String s) {
    return s == null ? "" : VietnameseText.nfc(s.trim());
  }

  /** The option keys of the chosen kind (none before a kind is chosen). */
  public List<String> optionKeys() {
    return ChannelKind.fromCode(kind).map(ChannelRules.OPTION_KEYS::get).orElse(List.of());
  }

  public String option(String key) {
    return options.getOrDefault(key, "");
  }

  /** Options as stored: several addresses split on lines, blanks dropped. */
  public Map<String, List<String>> optionValues() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    options.forEach((k, v) -> {
      List<String> values = new ArrayList<>();
      for (String line : ChannelRules.MULTI_VALUE_OPTIONS.contains(k) ? v.split("[\\r\\n]+") : new String[] {v}) {
        if (!line.isBlank()) {
          values.add(line.trim());
        }
      }
      if (!values.isEmpty()) {
        out.put(k, values);
      }
    });
    return out;
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
    ScheduleChoice.Result cron = schedule.toCron();
    if (cron.problem() != null) {
      errors.put("schedule", cron.problem());
    }
    if (platformId.length() > 200) {
      errors.put("platformId", "Mã trên nền tảng dài quá 200 ký tự.");
    }
    k.ifPresent(kk -> optionProblems(kk, errors));
    return errors;
  }

  /** The stored cron (null: the default schedule); call after {@link #validate}. */
  public String cron() {
    String c = schedule.toCron().cron();
    return c == null || c.isEmpty() ? null : c;
  }

  private void optionProblems(ChannelKind k, Map<String, String> errors) {
    Map<String, List<String>> values = optionValues();
    for (Map.Entry<String, List<String>> o : values.entrySet()) {
      String key = o.getKey();
      for (String v : o.getValue()) {
        if (ChannelRules.URL_OPTIONS.contains(key) && ChannelRules.httpUri(v).isEmpty()) {
          errors.put("options." + key, "“" + v + "” không phải địa chỉ http:// hoặc https://.");
        }
        if (ChannelRules.DATE_OPTIONS.contains(key)) {
          try {
            LocalDate.parse(v, DMY);
          } catch (DateTimeParseException e) {
            errors.put("options." + key, "Ngày “" + v + "” phải có dạng dd/MM/yyyy, ví dụ 01/10/2026.");
          }
        }
        if (key.equals("via") && !ChannelRules.VIA_VALUES.getOrDefault(k, List.of()).contains(v)) {
          errors.put("options.via", "Chọn cách đọc kênh trong danh sách.");
        }
      }
    }
    if (values.containsKey("listingUrl") && !values.containsKey("articleLink")) {
      errors.put("options.articleLink", "Với trang chuyên mục, nhập bộ chọn CSS của liên kết bài viết (ví dụ: h3 a).");
    }
    if (k == ChannelKind.WEB_PAGE && !values.containsKey("watchSelector") && !values.containsKey("watchText")) {
      errors.put("options.watchSelector", "Nhập phần tử hoặc dòng chữ cần thấy trên trang.");
    }
  }

  /** The reading modes of a platform channel in words. */
  public static String viaLabel(String via) {
    return switch (via) {
      case "api" -> "Qua tài khoản kết nối (API)";
      case "browser" -> "Đọc trang công khai bằng trình duyệt";
      case "feed" -> "Nguồn tin công khai của YouTube";
      default -> "Tự động";
    };
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
