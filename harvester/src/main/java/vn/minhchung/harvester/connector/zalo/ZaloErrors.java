package vn.minhchung.harvester.connector.zalo;

import java.time.Duration;
import java.time.Instant;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;

/** Maps Zalo error codes (PLATFORMS.md) to channel failures with messages staff can act on. */
final class ZaloErrors {
  /** Zalo gives no time to wait after -32; an hour keeps us well clear. */
  static final Duration RATE_LIMIT_WAIT = Duration.ofHours(1);

  private ZaloErrors() {}

  static boolean isTokenRejected(int error) {
    return error == -216 || error == -220;
  }

  static ConnectorException toException(int error, String zaloMessage, String channelCode, Instant now) {
    String ref = " (Zalo mã " + error + (zaloMessage.isBlank() ? "" : ": " + zaloMessage) + ")";
    return switch (error) {
      case -216, -220 -> new ConnectorException(Kind.AUTH, channelCode
          + ": token Zalo OA không hợp lệ hoặc đã hết hạn, làm mới cũng không được; cần kết nối lại OA (trang"
          + " Tài khoản kết nối)" + ref);
      case -14020 -> new ConnectorException(Kind.AUTH, channelCode
          + ": refresh token Zalo đã được dùng rồi; cần kết nối lại OA (trang Tài khoản kết nối)" + ref);
      case -32 -> new ConnectorException(Kind.RATE_LIMITED, channelCode + ": Zalo giới hạn số lần gọi; thử lại sau "
          + RATE_LIMIT_WAIT.toMinutes() + " phút" + ref, now.plus(RATE_LIMIT_WAIT), null);
      case -201 -> new ConnectorException(Kind.CONFIG, channelCode + ": Zalo báo tham số không hợp lệ" + ref);
      case -209 -> new ConnectorException(Kind.PERMISSION, channelCode
          + ": ứng dụng không được phép dùng API bài viết của Zalo" + ref);
      case -223 -> new ConnectorException(Kind.PERMISSION, channelCode
          + ": thiếu quyền: OA chưa cấp quyền API bài viết cho ứng dụng" + ref);
      case -224 -> new ConnectorException(Kind.PERMISSION, channelCode
          + ": OA cần nâng cấp gói dịch vụ để dùng API này" + ref);
      case -204 -> new ConnectorException(Kind.NOT_FOUND, channelCode + ": OA đã bị vô hiệu hóa" + ref);
      case -205 -> new ConnectorException(Kind.NOT_FOUND, channelCode + ": OA không tồn tại" + ref);
      default -> new ConnectorException(Kind.BAD_RESPONSE, channelCode + ": Zalo báo lỗi không xác định" + ref);
    };
  }
}
