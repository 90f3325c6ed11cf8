package vn.minhchung.harvester.connector.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.bytes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.HarvestedPost;

class YouTubeParsersTest {
  static final URI WATCH = URI.create("https://www.youtube.com/watch");
  static final URI FEED = URI.create("http://127.0.0.1/feeds/videos.xml?channel_id=UCq8vB2xY7nL0kR3sT5uW9zA");

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "PT7M32S, 452", "PT1H2M, 3720", "PT58S, 58", "PT10M, 600", "P1DT2H, 93600", "PT1M30.5S, 90",
      "P0D, null", "PT0S, null", "P, null", "PT, null", "7:32, null", "null, null"})
  void readsIsoDurations(String text, Integer seconds) {
    assertThat(IsoDuration.seconds(text)).isEqualTo(Optional.ofNullable(seconds));
  }

  @Test
  void feedParserIgnoresExternalEntitiesAndScripts() throws Exception {
    List<HarvestedPost> posts = YouTubeFeedParser.parse(bytes("youtube/feed-xxe-2026-04-20.xml"), FEED, WATCH, CLOCK);

    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.title()).doesNotContain("root:").endsWith("Tiêu đề");
      assertThat(p.platformId()).isEqualTo("Xx3Ee4Xx5Ee");
    });
  }

  @Test
  void feedParserRejectsAnHtmlPage() {
    byte[] html = "<html><head><title>Sorry…</title></head><body>unusual traffic</body></html>"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> YouTubeFeedParser.parse(html, FEED, WATCH, CLOCK)).isInstanceOfSatisfying(
        ConnectorException.class, e -> assertThat(e.getMessage()).contains("expected a YouTube Atom <feed>"));
  }

  @ParameterizedTest
  @CsvSource({
      "error-quota-2026-04-20.json, 403, quotaExceeded",
      "error-keyinvalid-old-2026-04-20.json, 400, keyInvalid",
      "error-keyinvalid-new-2026-04-20.json, 400, API_KEY_INVALID",
      "error-playlist-notfound-2026-04-20.json, 404, playlistNotFound"})
  void readsErrorReasons(String fixture, int code, String reason) {
    assertThat(YouTubeParser.parseError(bytes("youtube/" + fixture), FEED))
        .hasValueSatisfying(e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.reason()).isEqualTo(reason);
        });
  }
}
