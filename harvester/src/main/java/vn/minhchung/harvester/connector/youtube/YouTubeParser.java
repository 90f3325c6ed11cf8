package vn.minhchung.harvester.connector.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.PostKind;

/** Reads Data API v3 answers (channels, playlistItems, videos, errors) into records; no IO. */
public final class YouTubeParser {

  /** One playlist item: the video and when it was published (null when private or deleted). */
  public record Upload(String videoId, Instant publishedAt) {}

  public record PlaylistPage(List<Upload> uploads, Optional<String> nextPageToken) {}

  /** An API error: HTTP status, the first {@code errors[].reason} (or {@code details[].reason}), the message. */
  public record ApiError(int code, String reason, String message) {}

  private YouTubeParser() {}

  /** The uploads playlist id of the first channel in the answer; empty when no channel matched. */
  public static Optional<String> parseChannel(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode items = JsonBodies.read(body, source).path("items");
    if (!items.isArray() || items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(JsonBodies.text(items.get(0).path("contentDetails").path("relatedPlaylists"),
        "uploads"));
  }

  /** The id and title of the first channel in a {@code channels.list?part=id,snippet} answer. */
  public static Optional<AccountIdentity> parseChannelIdentity(byte[] body, URI source, Clock clock)
      throws ConnectorException {
    JsonNode items = JsonBodies.read(body, source).path("items");
    if (!items.isArray() || items.isEmpty() || JsonBodies.text(items.get(0), "id") == null) {
      return Optional.empty();
    }
    return Optional.of(new AccountIdentity(JsonBodies.text(items.get(0), "id"),
        JsonBodies.text(items.get(0).path("snippet"), "title")));
  }

  public static PlaylistPage parsePlaylist(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    List<Upload> uploads = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      JsonNode cd = item.path("contentDetails");
      String id = JsonBodies.text(cd, "videoId");
      if (id != null) {
        uploads.add(new Upload(id, instant(JsonBodies.text(cd, "videoPublishedAt")).orElse(null)));
      }
    }
    return new PlaylistPage(uploads, Optional.ofNullable(JsonBodies.text(root, "nextPageToken")));
  }

  /** Videos with counts; hidden likes/comments stay null, views missing too when statistics are absent. */
  public static List<HarvestedPost> parseVideos(byte[] body, URI source, URI watchBase, Clock clock)
      throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    if (!root.path("items").isArray()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
          source + ": expected \"items\" in the videos answer but found " + root.path("items").getNodeType());
    }
    List<HarvestedPost> out = new ArrayList<>();
    for (JsonNode v : root.path("items")) {
      String id = JsonBodies.text(v, "id");
      if (id == null) {
        continue;
      }
      JsonNode sn = v.path("snippet");
      JsonNode st = v.path("statistics");
      String published = JsonBodies.text(sn, "publishedAt");
      Instant postedAt = instant(published).orElse(null);
      Set<String> flags = new HashSet<>();
      if (postedAt == null) {
        flags.add("no_date");
      } else if (postedAt.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
        flags.add("future_date");
      }
      String rawDuration = JsonBodies.text(v.path("contentDetails"), "duration");
      Integer duration = IsoDuration.seconds(rawDuration).orElse(null);
      if (duration == null) {
        flags.add("duration_unknown");
      }
      if ("live".equals(JsonBodies.text(sn, "liveBroadcastContent"))
          || "upcoming".equals(JsonBodies.text(sn, "liveBroadcastContent"))) {
        flags.add("live");
      }
      String url = watchUrl(watchBase, id);
      JsonNode thumbs = sn.path("thumbnails");
      String image = Optional.ofNullable(JsonBodies.text(thumbs.path("high"), "url"))
          .orElse(JsonBodies.text(thumbs.path("default"), "url"));
      if (JsonBodies.unreadableCount(st.path("commentCount")) || JsonBodies.unreadableCount(st.path("viewCount"))
          || JsonBodies.unreadableCount(st.path("likeCount"))) {
        flags.add(JsonBodies.COUNT_UNREADABLE);
      }
      Counts counts = new Counts(null, JsonBodies.count(st.path("commentCount")), null,
          JsonBodies.count(st.path("viewCount")), JsonBodies.count(st.path("likeCount")));
      out.add(new HarvestedPost(id, PostKind.VIDEO, url, url, JsonBodies.text(sn, "title"), null,
          JsonBodies.text(sn, "description"), JsonBodies.text(sn, "channelTitle"), null, image, postedAt, published,
          duration, counts, flags));
    }
    return out;
  }

  /**
   * The watch page of a video: {@code platforms.youtube.watchBaseUrl} (default
   * {@code https://www.youtube.com/watch}) with {@code v=ID} added to its query.
   */
  public static String watchUrl(URI watchBase, String videoId) {
    String base = watchBase.toString();
    return base + (watchBase.getRawQuery() == null ? "?" : "&") + "v=" + videoId;
  }

  /** The error of an API answer, if the body is one; never throws. */
  public static Optional<ApiError> parseError(byte[] body, URI source) {
    try {
      JsonNode e = JsonBodies.read(body, source).path("error");
      if (!e.isObject()) {
        return Optional.empty();
      }
      String reason = JsonBodies.text(e.path("errors").path(0), "reason");
      for (JsonNode d : e.path("details")) {
        if (reason == null || "badRequest".equals(reason)) {
          reason = Optional.ofNullable(JsonBodies.text(d, "reason")).orElse(reason);
        }
      }
      return Optional.of(new ApiError(e.path("code").asInt(0), reason == null ? "" : reason,
          Optional.ofNullable(JsonBodies.text(e, "message")).orElse("")));
    } catch (ConnectorException notJson) {
      return Optional.empty();
    }
  }

  /** {@code 2026-11-05T02:00:00Z}, {@code …00.000Z} (older videos) or the feed's {@code +00:00}. */
  static Optional<Instant> instant(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
