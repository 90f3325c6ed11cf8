package vn.minhchung.harvester.connector.facebook;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.facebook.FacebookParser.GraphError;

/** Maps Graph error codes (PLATFORMS.md table) to channel failures with messages staff can act on. */
final class FacebookErrors {
  static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 341, 80001);
  /** Codes whose limit is per page rather than per app. */
  static final Set<Integer> PAGE_LIMIT_CODES = Set.of(32, 80001);
  /** When Graph gives no time to regain access. */
  static final Duration DEFAULT_BACKOFF = Duration.ofHours(1);
  static final Duration POLICY_BLOCK_WAIT = Duration.ofHours(24);
  private static final Pattern PERMISSION = Pattern.compile("'([a-z_]+)'|\\b(pages_[a-z_]+|read_insights)\\b");

  private FacebookErrors() {}

  static boolean isRateLimit(GraphError e) {
    return RATE_LIMIT_CODES.contains(e.code());
  }

  static ConnectorException toException(GraphError e, String channelCode, int status, Instant now,
      FacebookUsage usage) {
    String ref = " (Facebook mã " + e.code() + (e.subcode() == null ? "" : "/" + e.subcode()) + ", HTTP " + status
        + ")";
    if (isRateLimit(e)) {
      Duration wait = usage.regainAccess().isZero() ? DEFAULT_BACKOFF : usage.regainAccess();
      return new ConnectorException(Kind.RATE_LIMITED, channelCode + ": Facebook giới hạn số lần gọi; thử lại sau "
          + wait.toMinutes() + " phút" + ref, now.plus(wait), null);
    }
    if (e.code() == 190) {
      Integer sub = e.subcode();
      boolean revoked = sub != null && (sub == 458 || sub == 460);
      String what = revoked ? "quyền của ứng dụng " + ChannelAccess.REVOKED_MARK
          + (sub == 458 ? " (Trang đã gỡ ứng dụng)" : " (mật khẩu tài khoản quản trị đã đổi)")
          : sub != null && sub == 463 ? "token Trang đã hết hạn" : "token Trang không hợp lệ hoặc đã hết hạn";
      String message = channelCode + ": " + what + "; cần kết nối lại Trang (trang Tài khoản kết nối, hoặc lệnh"
          + " 'credentials set " + channelCode + "')" + ref;
      return revoked ? ConnectorException.revoked(message) : new ConnectorException(Kind.AUTH, message);
    }
    if (e.code() == 10 || (e.code() >= 200 && e.code() <= 299)) {
      return new ConnectorException(Kind.PERMISSION, channelCode + ": thiếu quyền " + permission(e.message())
          + "; cần cấp quyền cho ứng dụng hoặc dùng token của Trang" + ref);
    }
    if (e.code() == 368) {
      return new ConnectorException(Kind.RATE_LIMITED, channelCode
          + ": Facebook tạm chặn vì chính sách; chờ rồi thử lại, báo cán bộ kiểm tra Trang" + ref,
          now.plus(POLICY_BLOCK_WAIT), null);
    }
    if (e.code() == 100) {
      return new ConnectorException(Kind.NOT_FOUND, channelCode
          + ": Trang không tồn tại hoặc không xem được bằng token này; kiểm tra mã Trang" + ref);
    }
    if (e.code() == 1 || e.code() == 2 || e.isTransient()) {
      return new ConnectorException(Kind.TRANSIENT, channelCode + ": Facebook tạm thời lỗi; thử lại sau" + ref);
    }
    return new ConnectorException(Kind.BAD_RESPONSE, channelCode + ": Facebook báo lỗi không xác định: "
        + e.message() + ref);
  }

  /** The permission named in Graph's message, e.g. "pages_read_engagement"; a plain phrase when none is named. */
  static String permission(String message) {
    Matcher m = PERMISSION.matcher(message);
    while (m.find()) {
      String p = m.group(1) != null ? m.group(1) : m.group(2);
      if (p.contains("_")) {
        return p;
      }
    }
    return "đọc bài đăng của Trang";
  }
}
