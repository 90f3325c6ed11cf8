package vn.minhchung.harvester.connector.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.facebook.FacebookParser.GraphError;

class FacebookParserTest {

  @ParameterizedTest
  @CsvSource({
      "2026-04-14T01:30:00+0000, 2026-04-14T08:30:00+07:00",
      "2026-04-13T20:00:00-0400, 2026-04-14T07:00:00+07:00",
      "2026-04-14T01:30:00+00:00, 2026-04-14T08:30:00+07:00"})
  void readsCreatedTimeWithOrWithoutColonInOffset(String text, String expected) {
    assertThat(FacebookParser.createdTime(text)).contains(OffsetDateTime.parse(expected).toInstant());
  }

  @ParameterizedTest
  @CsvSource({"14/04/2026 08:30", "hôm qua", "''"})
  void rejectsTextsThatAreNotGraphDates(String text) {
    assertThat(FacebookParser.createdTime(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "1, TRANSIENT", "2, TRANSIENT", "4, RATE_LIMITED", "17, RATE_LIMITED", "32, RATE_LIMITED",
      "613, RATE_LIMITED", "341, RATE_LIMITED", "80001, RATE_LIMITED", "10, PERMISSION", "200, PERMISSION",
      "299, PERMISSION", "190, AUTH", "100, NOT_FOUND", "368, RATE_LIMITED", "12345, BAD_RESPONSE"})
  void mapsGraphErrorCodes(int code, Kind kind) {
    var e = FacebookErrors.toException(new GraphError(code, null, "OAuthException", "msg", false), "c", 400,
        Instant.EPOCH, FacebookUsage.NONE);
    assertThat(e.kind()).isEqualTo(kind);
    if (kind == Kind.RATE_LIMITED) {
      assertThat(e.retryAfter()).isPresent();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(#10) This endpoint requires the 'pages_read_engagement' permission | pages_read_engagement",
      "(#200) Requires pages_read_user_content permission to manage the object | pages_read_user_content",
      "(#200) Permissions error | đọc bài đăng của Trang"})
  void namesTheMissingPermission(String message, String expected) {
    assertThat(FacebookErrors.permission(message)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25} | | | 28 | 0",
      " | | {\"1\":[{\"type\":\"pages\",\"call_count\":12,\"total_cputime\":80,\"total_time\":3,\"estimated_time_to_regain_access\":0}]} | 80 | 0",
      " | {\"call_count\":100} | {\"1\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":7}]} | 100 | 7",
      "not json | | | 0 | 0"})
  void readsUsageHeaders(String app, String page, String buc, int percent, int regainMinutes) {
    FacebookUsage u = FacebookUsage.parse(Optional.ofNullable(app), Optional.ofNullable(page),
        Optional.ofNullable(buc));
    assertThat(u).isEqualTo(new FacebookUsage(percent, Duration.ofMinutes(regainMinutes)));
  }
}
