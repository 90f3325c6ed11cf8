package vn.minhchung.harvester.connector.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.bytes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.youtube.YouTubePageParser.ChannelPage;
import vn.minhchung.harvester.connector.youtube.YouTubePageParser.WatchPage;

@Timeout(10)
class YouTubePageParserTest {
  static final URI CHANNEL = URI.create("https://www.youtube.com/@khcnbacninh");
  static final URI WATCH = URI.create("https://www.youtube.com/watch?v=dQ7vN2kLm0A");
  static final String UC = "UCq8vB2xY7nL0kR3sT5uW9zA";

  static byte[] html(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void channelPageGivesItsChannelIdAndTitle() throws Exception {
    ChannelPage page = YouTubePageParser.parseChannel(bytes("youtube/channel-page-2026-04-20.html"), CHANNEL, CLOCK);

    assertThat(page).isEqualTo(new ChannelPage(UC, "Khoa học và Công nghệ Bắc Ninh"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<html><head><link rel=\"canonical\" href=\"https://www.youtube.com/channel/" + UC + "\"></head></html>",
      "<html><head><meta itemprop=\"channelId\" content=\"" + UC + "\"></head></html>",
      "<html><body><script>var ytInitialData = {\"metadata\":{\"channelMetadataRenderer\":{\"title\":\"Kênh\","
          + "\"externalId\":\"" + UC + "\"}}};</script></body></html>",
      "<html><body><script>var ytInitialData = {\"header\":{\"c4TabbedHeaderRenderer\":{\"channelId\":\"" + UC
          + "\"}}};</script></body></html>"})
  void channelIdIsFoundWhicheverMarkerThePageStillHas(String page) throws Exception {
    assertThat(YouTubePageParser.parseChannel(html(page), CHANNEL, CLOCK).channelId()).isEqualTo(UC);
  }

  @Test
  void channelPageWithoutAnyIdIsABadResponseThatSaysWhatToDo() {
    byte[] page = html("<html><head><title>404 Not Found</title></head><body>Trang này không có.</body></html>");

    assertThatThrownBy(() -> YouTubePageParser.parseChannel(page, CHANNEL, CLOCK))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains(CHANNEL.toString()).contains("404 Not Found")
              .contains("platform_id");
        });
  }

  @Test
  void watchPageGivesDurationDateAndCounts() throws Exception {
    WatchPage w = YouTubePageParser.parseWatch(bytes("youtube/watch-dQ7vN2kLm0A-2026-04-20.html"), WATCH, CLOCK);

    assertThat(w.videoId()).isEqualTo("dQ7vN2kLm0A");
    assertThat(w.title()).isEqualTo("Phóng sự: Chuyển đổi số ở xã nông thôn mới 🌾");
    assertThat(w.description()).isEqualTo("Kênh truyền hình Sở KH&CN Bắc Ninh.");
    assertThat(w.author()).isEqualTo("Khoa học và Công nghệ Bắc Ninh");
    assertThat(w.imageUrl()).isEqualTo("https://i.ytimg.com/vi/dQ7vN2kLm0A/maxresdefault.jpg");
    assertThat(w.durationSeconds()).isEqualTo(452);
    assertThat(w.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-04-16T10:00:00+07:00").toInstant());
    assertThat(w.publishedText()).isEqualTo("2026-04-15T20:00:00-07:00");
    assertThat(w.views()).isEqualTo(15_310L);
    assertThat(w.likes()).isEqualTo(325L);
    assertThat(w.comments()).isEqualTo(12L);
    assertThat(w.live()).isFalse();
    assertThat(w.unavailable()).isNull();
  }

  @Test
  void watchPageWithoutMetasIsReadFromItsPlayerDataAndHiddenCountsStayNull() throws Exception {
    WatchPage w = YouTubePageParser.parseWatch(bytes("youtube/watch-Rf5hOld0001-2026-04-20.html"),
        URI.create("https://www.youtube.com/watch?v=Rf5hOld0001"), CLOCK);

    assertThat(w.videoId()).isEqualTo("Rf5hOld0001");
    assertThat(w.title()).isEqualTo("Hội nghị tổng kết 5 năm chuyển đổi số tỉnh Bắc Ninh");
    assertThat(w.description()).isEqualTo("Toàn cảnh hội nghị ngày 02/3/2026.\nNguồn: Sở KH&CN.");
    assertThat(w.durationSeconds()).isEqualTo(725);
    assertThat(w.publishedAt()).as("a bare date is that day in Vietnam")
        .isEqualTo(OffsetDateTime.parse("2026-03-02T00:00:00+07:00").toInstant());
    assertThat(w.views()).isEqualTo(4_821L);
    assertThat(w.likes()).as("likes hidden: the button says \"Thích\"").isNull();
    assertThat(w.comments()).as("comments turned off").isNull();
  }

  @Test
  void abbreviatedCommentCountIsNotStoredAsAnExactNumber() throws Exception {
    byte[] page = html("<html><body><script>var ytInitialPlayerResponse = {\"videoDetails\":{\"videoId\":\"Ab1Cd2Ef3Gh\","
        + "\"lengthSeconds\":\"30\"}};</script><script>var ytInitialData = {\"x\":[{\"commentsEntryPointHeaderRenderer\":"
        + "{\"commentCount\":{\"simpleText\":\"1,2 N\"}}}]};</script></body></html>");

    assertThat(YouTubePageParser.parseWatch(page, WATCH, CLOCK).comments()).isNull();
  }

  @Test
  void unplayableVideoCarriesYouTubesReason() throws Exception {
    byte[] page = html("<html><body><script>var ytInitialPlayerResponse = {\"playabilityStatus\":{\"status\":\"ERROR\","
        + "\"reason\":\"Video không còn nữa\"},\"videoDetails\":{\"videoId\":\"Gone0000001\"}};</script></body></html>");

    assertThat(YouTubePageParser.parseWatch(page, WATCH, CLOCK).unavailable()).isEqualTo("Video không còn nữa");
  }

  @Test
  void pageWithoutVideoDataIsABadResponseNamingThePage() {
    byte[] page = html("<html><head><title>YouTube</title></head><body>Đã xảy ra lỗi. <script>var ytInitialData = "
        + "{broken</script></body></html>");

    assertThatThrownBy(() -> YouTubePageParser.parseWatch(page, WATCH, CLOCK))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.BAD_RESPONSE);
          assertThat(e.getMessage()).contains(WATCH.toString()).contains("videoDetails");
        });
  }

  @Test
  void consentInterstitialIsRecognisedByItsFormOrItsHost() {
    byte[] consent = bytes("youtube/consent-2026-04-20.html");

    assertThat(YouTubePageParser.isConsentWall(WATCH, consent)).isTrue();
    assertThat(YouTubePageParser.isConsentWall(URI.create("https://consent.youtube.com/m?continue=x"), html("<p>")))
        .isTrue();
    assertThat(YouTubePageParser.isConsentWall(WATCH, bytes("youtube/watch-dQ7vN2kLm0A-2026-04-20.html"))).isFalse();
  }
}
