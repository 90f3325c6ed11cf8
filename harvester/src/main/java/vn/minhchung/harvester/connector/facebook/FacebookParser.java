package vn.minhchung.harvester.connector.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.PostKind;

/** Reads Graph API answers (post pages, {@code ?ids=} batches, error bodies) into records; no IO. */
public final class FacebookParser {
  /** Graph's {@code created_time}: offset without a colon, e.g. {@code 2026-04-14T01:30:00+0000}. */
  static final DateTimeFormatter CREATED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);
  private static final int TITLE_MAX = 200;

  /**
   * One page of {@code /published_posts} (or a {@code ?ids=} batch): posts, the {@code next} URL and the
   * {@code after} cursor if given, and for each video post the id of its video ({@code attachments[0].target.id}),
   * whose {@code length} is asked for separately.
   */
  public record Page(List<HarvestedPost> posts, Optional<URI> next, Optional<String> after, Map<String, String> videos) {
    public Page {
      posts = List.copyOf(posts);
      videos = Map.copyOf(videos);
    }
  }

  /** The {@code error} object of a Graph answer. */
  public record GraphError(int code, Integer subcode, String type, String message, boolean isTransient) {}

  private FacebookParser() {}

  public static Page parsePage(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    JsonNode data = root.path("data");
    if (!data.isArray()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
          source + ": expected a \"data\" array of posts but found " + data.getNodeType());
    }
    List<HarvestedPost> posts = new ArrayList<>();
    Map<String, String> videos = new java.util.HashMap<>();
    for (JsonNode n : data) {
      post(n, clock).ifPresent(p -> add(p, n, posts, videos));
    }
    JsonNode paging = root.path("paging");
    Optional<URI> next = Optional.ofNullable(JsonBodies.text(paging, "next")).flatMap(FacebookParser::uri);
    Optional<String> after = Optional.ofNullable(JsonBodies.text(paging.path("cursors"), "after"));
    return new Page(posts, next, after, videos);
  }

  /** A {@code ?ids=a,b&fields=…} answer: an object keyed by post id. */
  public static Page parseBatch(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    List<HarvestedPost> posts = new ArrayList<>();
    Map<String, String> videos = new java.util.HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      JsonNode n = it.next().getValue();
      post(n, clock).ifPresent(p -> add(p, n, posts, videos));
    }
    return new Page(posts, Optional.empty(), Optional.empty(), videos);
  }

  /**
   * A {@code ?ids=v1,v2&fields=id,length} answer: each video's {@code length} (seconds, a decimal number in
   * Graph) rounded to whole seconds; a video without a readable positive length is left out.
   */
  public static Map<String, Integer> parseLengths(byte[] body, URI source) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    Map<String, Integer> out = new java.util.HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode length = e.getValue().path("length");
      if (length.isNumber() && length.asDouble() > 0 && length.asDouble() < Integer.MAX_VALUE) {
        out.put(e.getKey(), (int) Math.round(length.asDouble()));
      }
    }
    return out;
  }

  /** The video id of a post whose first attachment is a video, else empty. */
  static Optional<String> videoId(JsonNode post) {
    JsonNode a = post.path("attachments").path("data").path(0);
    String mediaType = JsonBodies.text(a, "media_type");
    String type = JsonBodies.text(a, "type");
    boolean video = "video".equals(mediaType) || type != null && type.startsWith("video");
    return video ? Optional.ofNullable(JsonBodies.text(a.path("target"), "id")) : Optional.empty();
  }

  private static void add(HarvestedPost p, JsonNode n, List<HarvestedPost> posts, Map<String, String> videos) {
    posts.add(p);
    videoId(n).ifPresent(v -> videos.put(p.platformId(), v));
  }

  /** The error of a Graph answer, if the body is one; never throws (HTML or garbage gives empty). */
  public static Optional<GraphError> parseError(byte[] body, URI source) {
    try {
      JsonNode e = JsonBodies.read(body, source).path("error");
      if (!e.isObject() || !e.path("code").canConvertToInt()) {
        return Optional.empty();
      }
      JsonNode sub = e.path("error_subcode");
      return Optional.of(new GraphError(e.path("code").asInt(), sub.canConvertToInt() ? sub.asInt() : null,
          JsonBodies.text(e, "type"), Optional.ofNullable(JsonBodies.text(e, "message")).orElse(""),
          e.path("is_transient").asBoolean(false)));
    } catch (ConnectorException notJson) {
      return Optional.empty();
    }
  }

  /** Parses {@code created_time}; empty when the text is not a Graph date. */
  static Optional<Instant> createdTime(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, CREATED_TIME).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static Optional<HarvestedPost> post(JsonNode n, Clock clock) {
    String id = JsonBodies.text(n, "id");
    if (id == null) {
      return Optional.empty();
    }
    String message = JsonBodies.text(n, "message");
    String created = JsonBodies.text(n, "created_time");
    Instant postedAt = createdTime(created).orElse(null);
    Set<String> flags = new HashSet<>();
    if (postedAt == null) {
      flags.add("no_date");
    } else if (postedAt.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
      flags.add("future_date");
    }
    JsonNode attachment = n.path("attachments").path("data").path(0);
    String title = message != null ? firstLine(message) : JsonBodies.text(attachment, "title");
    String url = Optional.ofNullable(JsonBodies.text(n, "permalink_url")).orElse("https://www.facebook.com/" + id);
    List<JsonNode> countNodes = List.of(n.path("reactions").path("summary").path("total_count"),
        n.path("comments").path("summary").path("total_count"), n.path("shares").path("count"));
    if (countNodes.stream().anyMatch(JsonBodies::unreadableCount)) {
      flags.add(JsonBodies.COUNT_UNREADABLE);
    }
    Counts counts = new Counts(edgeTotal(countNodes.get(0)), edgeTotal(countNodes.get(1)), edgeTotal(countNodes.get(2)),
        null, null);
    PostKind kind = videoId(n).isPresent() ? PostKind.VIDEO : PostKind.POST;
    return Optional.of(new HarvestedPost(id, kind, url, url, title, null, message, null, null,
        JsonBodies.text(n, "full_picture"), postedAt, created, null, counts, flags));
  }

  /**
   * A missing count means nothing there: Graph leaves out empty reactions, comments and shares entirely. A count
   * that is present but unreadable stays null (flagged), never 0.
   */
  private static Long edgeTotal(JsonNode total) {
    return JsonBodies.unreadableCount(total) ? null : total.isMissingNode() || total.isNull() ? Long.valueOf(0L)
        : JsonBodies.count(total);
  }

  /** The first line of a message, cut to the title length (also the title of a post read from a page). */
  static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.codePointCount(0, line.length()) > TITLE_MAX
        ? line.substring(0, line.offsetByCodePoints(0, TITLE_MAX)) + "…" : line;
  }

  private static Optional<URI> uri(String s) {
    try {
      return Optional.of(URI.create(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
