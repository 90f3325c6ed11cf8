package vn.minhchung.harvester.connector.youtube;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.youtube.YouTubeParser.ApiError;

/** Maps Data API errors to channel failures; a bad key is matched in both its old and new shapes. */
final class YouTubeErrors {
  static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(30);

  private YouTubeErrors() {}

  static ConnectorException toException(int status, ApiError e, String channelCode, Instant now) {
    String reason = e == null ? "" : e.reason();
    String message = e == null ? "" : e.message();
    String ref = " (YouTube HTTP " + status + (reason.isEmpty() ? "" : ", " + reason) + ")";
    if (reason.equals("quotaExceeded") || reason.equals("dailyLimitExceeded")) {
      Instant reset = YouTubeQuota.nextReset(now);
      return new ConnectorException(Kind.QUOTA, channelCode + ": YouTube báo hết hạn mức trong ngày; tiếp tục sau "
          + reset + ref, reset, null);
    }
    if (reason.equals("keyInvalid") || reason.equals("API_KEY_INVALID")
        || message.toLowerCase(Locale.ROOT).contains("api key not valid")) {
      return new ConnectorException(Kind.AUTH, channelCode
          + ": khóa API không hợp lệ; nhập khóa mới bằng lệnh 'credentials set " + channelCode
          + "' (hoặc sửa platforms.youtube.apiKey)" + ref);
    }
    if (reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded") || status == 429) {
      return new ConnectorException(Kind.RATE_LIMITED, channelCode + ": YouTube giới hạn tốc độ gọi; thử lại sau"
          + ref, now.plus(RATE_LIMIT_WAIT), null);
    }
    if (status == 404) {
      return new ConnectorException(Kind.NOT_FOUND, channelCode
          + ": kênh hoặc danh sách video không tồn tại; kiểm tra mã kênh UC…" + ref);
    }
    if (status == 403) {
      return new ConnectorException(Kind.PERMISSION, channelCode + ": YouTube từ chối truy cập: " + message + ref);
    }
    if (status >= 500) {
      return new ConnectorException(Kind.TRANSIENT, channelCode + ": YouTube tạm thời lỗi; thử lại sau" + ref);
    }
    return new ConnectorException(Kind.BAD_RESPONSE, channelCode + ": YouTube trả lời không đọc được: " + message
        + ref);
  }
}
