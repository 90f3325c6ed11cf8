package vn.minhchung.harvester.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.harvester.connector.youtube.YouTubeParser;

class JsonBodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} → {1}, unreadable {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      {"c": 1234}                    | 1234 | false
      {"c": "1234"}                  | 1234 | false
      {"c": 0}                       | 0    | false
      {}                             | null | false
      {"c": null}                    | null | false
      {"c": ""}                      | null | false
      {"c": "abc"}                   | null | true
      {"c": "99999999999999999999"}  | null | true
      {"c": 99999999999999999999}    | null | true
      {"c": 18446744073709551617}    | null | true
      {"c": -5}                      | null | true
      {"c": "-5"}                    | null | true
      {"c": 12.5}                    | null | true
      {"c": "1.234"}                 | null | true
      {"c": [1]}                     | null | true
      """)
  void aCountIsAWholeNumberOrNullAndNeverWrapped(String json, Long expected, boolean unreadable) throws Exception {
    JsonNode node = JSON.readTree(json).path("c");
    assertThat(JsonBodies.count(node)).isEqualTo(expected);
    assertThat(JsonBodies.unreadableCount(node)).isEqualTo(unreadable);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      "99999999999999999999"
      "abc"
      99999999999999999999
      """)
  void aYouTubeVideoWithAnUnreadableViewCountHasNoViewsAndIsFlagged(String viewCount) throws Exception {
    String body = """
        {"items": [{"id": "dQw4w9WgXcQ", "snippet": {"title": "Phóng sự chuyển đổi số", "publishedAt":
        "2026-04-15T01:00:00Z"}, "contentDetails": {"duration": "PT6M"}, "statistics": {"viewCount": %s,
        "likeCount": "12"}}]}""".formatted(viewCount);
    HarvestedPost p = YouTubeParser.parseVideos(body.getBytes(StandardCharsets.UTF_8),
        URI.create("https://www.googleapis.com/youtube/v3/videos"), URI.create("https://www.youtube.com/watch"),
        ConnectorTestSupport.CLOCK).get(0);
    assertThat(p.counts()).isEqualTo(new Counts(null, null, null, null, 12L));
    assertThat(p.flags()).contains(JsonBodies.COUNT_UNREADABLE);
  }
}
