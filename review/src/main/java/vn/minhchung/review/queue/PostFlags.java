package vn.minhchung.review.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.settings.Settings;

/**
 * The flags a harvest puts on a post ({@code post.flags}, comma-separated codes) in people's words, and the one
 * flag that depends on the plan item: a post dated outside the item's time (before its plan was issued or after
 * its deadline). The first three are the specification flags reviewers filter by.
 */
public final class PostFlags {
  /** Not stored: computed against an item's period. */
  public static final String OUTSIDE_ITEM_PERIOD = "outside_item_period";

  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("duration_out_of_spec", "thời lượng ngoài khoảng");
    LABELS.put("watch_absent", "không thấy banner");
    LABELS.put(OUTSIDE_ITEM_PERIOD, "ngày đăng ngoài thời gian của nhiệm vụ");
    LABELS.put("no_date", "không đọc được ngày đăng");
    LABELS.put("future_date", "ngày đăng ở tương lai");
    LABELS.put("duration_unknown", "chưa biết thời lượng");
    LABELS.put("count_unreadable", "không đọc được lượt tương tác");
    LABELS.put("article_url_unknown", "không rõ địa chỉ bài viết");
    LABELS.put("live", "phát trực tiếp");
    LABELS.put("shorts", "video ngắn (Shorts)");
  }

  private PostFlags() {}

  /** Every flag a reviewer can filter the queue by (stored ones), with its label, in display order. */
  public static Map<String, String> filterable() {
    Map<String, String> out = new LinkedHashMap<>(LABELS);
    out.remove(OUTSIDE_ITEM_PERIOD);
    return out;
  }

  public static boolean known(String code) {
    return LABELS.containsKey(code);
  }

  /** The labels of a stored flags value in display order; codes this version does not know are left out. */
  public static List<String> labels(String flags) {
    List<String> out = new ArrayList<>();
    if (flags == null || flags.isBlank()) {
      return out;
    }
    List<String> codes = List.of(flags.split(","));
    LABELS.forEach((code, label) -> {
      if (codes.contains(code)) {
        out.add(label);
      }
    });
    return out;
  }

  /** The label of one code ("thời lượng ngoài khoảng"). */
  public static String label(String code) {
    return LABELS.getOrDefault(code, "cờ khác");
  }

  /**
   * True when the post date falls outside the item's time: before its plan was issued, or after the end of its
   * deadline day (Asia/Ho_Chi_Minh). Unknown dates or an item without either bound are never outside.
   */
  public static boolean outsidePeriod(Instant postedAt, LocalDate planIssuedOn, LocalDate deadline) {
    if (postedAt == null) {
      return false;
    }
    LocalDate day = LocalDate.ofInstant(postedAt, Settings.ZONE);
    return planIssuedOn != null && day.isBefore(planIssuedOn) || deadline != null && day.isAfter(deadline);
  }

  /** The HQL condition matching one stored code in the comma-separated column (no partial-word match). */
  static String hqlHas(String column, String param) {
    return "concat(',', " + column + ", ',') like :" + param;
  }

  static String pattern(String code) {
    return "%," + code + ",%";
  }
}
