package vn.minhchung.harvester.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.minhchung.harvester.demo.DemoContent.Video;
import vn.minhchung.harvester.demo.SiteServer.Request;
import vn.minhchung.harvester.demo.SiteServer.Response;

/**
 * The YouTube Data API v3 for one channel under {@link #API} (channels, playlistItems with {@code nextPageToken}
 * paging at {@code maxResults}, videos with counts as strings), its keyless Atom feed {@link #FEED} and watch
 * pages {@code /watch?v=ID}, in the shapes of fixtures/youtube/. Counts grow per hour and each time the first
 * page of the uploads playlist (or the feed) is read.
 */
final class YouTubeSite extends GrowingSite {
  static final String API = "/youtube/v3";
  static final String FEED = "/feeds/videos.xml";
  static final String KEY = "demo-youtube-api-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final String channelId;

  YouTubeSite(DemoContent content, Clock clock) {
    super(content, clock);
    this.channelId = content.text("youtube", "channelId");
  }

  String channelId() {
    return channelId;
  }

  @Override
  public Response handle(Request r) {
    String p = r.path();
    if (p.startsWith(API + "/")) {
      String key = Optional.ofNullable(r.header("X-goog-api-key")).orElse(Optional.ofNullable(r.param("key"))
          .orElse(""));
      if (!key.equals(KEY)) {
        return error(400, "API key not valid. Please pass a valid API key.", "API_KEY_INVALID", "badRequest");
      }
      return switch (p.substring(API.length())) {
        case "/channels" -> channels(r);
        case "/playlistItems" -> playlist(r);
        case "/videos" -> videos(r.param("id"));
        default -> error(404, "Not Found", "notFound", "notFound");
      };
    }
    if (p.equals(FEED)) {
      if (!channelId.equals(r.param("channel_id"))) {
        return Response.text(404, "text/html; charset=utf-8", "<html><body>Error 404 (Not Found)</body></html>");
      }
      listingServed();
      return Response.text(200, "application/atom+xml; charset=UTF-8", YouTubePages.feed(content, this));
    }
    if (p.equals("/watch")) {
      return find(Optional.ofNullable(r.param("v")).orElse("")).map(v -> Response.html(YouTubePages.watch(content,
          this, v))).orElseGet(Response::notFound);
    }
    if (p.equals("/channel/" + channelId) || p.equals("/" + content.text("youtube", "handle"))) {
      return Response.html(YouTubePages.channel(content, this));
    }
    if (p.startsWith("/img/")) {
      return Response.text(200, "image/svg+xml", Html.svg(Optional.ofNullable(r.param("t")).orElse("Video"),
          1280, 720));
    }
    return Response.notFound();
  }

  private Response channels(Request r) {
    ObjectNode root = JSON.createObjectNode().put("kind", "youtube#channelListResponse").put("etag", "demoChannels");
    String id = r.param("id");
    String handle = r.param("forHandle");
    boolean match = channelId.equals(id) || handle != null
        && handle.replaceFirst("^@?", "@").equalsIgnoreCase(content.text("youtube", "handle"));
    root.putObject("pageInfo").put("totalResults", match ? 1 : 0).put("resultsPerPage", 5);
    ArrayNode items = root.putArray("items");
    if (match) {
      ObjectNode c = items.addObject().put("kind", "youtube#channel").put("etag", "demoChannel").put("id", channelId);
      c.putObject("contentDetails").putObject("relatedPlaylists").put("likes", "").put("uploads", uploads());
      c.putObject("statistics").put("viewCount", "1284533").put("subscriberCount",
          content.text("youtube", "subscribers")).put("hiddenSubscriberCount", false)
          .put("videoCount", Integer.toString(content.videos.size()));
    }
    return Response.json(200, root.toString());
  }

  private Response playlist(Request r) {
    if (!uploads().equals(r.param("playlistId"))) {
      return error(404, "The playlist identified with the request's <code>playlistId</code> parameter cannot be "
          + "found.", "playlistNotFound", "youtube.playlistItem");
    }
    String token = r.param("pageToken");
    int from = token == null ? 0 : tokenIndex(token);
    if (token == null) {
      listingServed();
    }
    int max = Math.min(50, Math.max(1, parse(r.param("maxResults"), 5)));
    List<Video> all = content.videos;
    List<Video> page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + max));
    ObjectNode root = JSON.createObjectNode().put("kind", "youtube#playlistItemListResponse").put("etag", "demoPl"
        + from);
    if (from + page.size() < all.size()) {
      root.put("nextPageToken", token(from + page.size()));
    }
    if (from > 0) {
      root.put("prevPageToken", token(Math.max(0, from - max)));
    }
    ArrayNode items = root.putArray("items");
    for (Video v : page) {
      ObjectNode item = items.addObject().put("kind", "youtube#playlistItem").put("etag", "e" + v.id())
          .put("id", "VVV" + v.id());
      item.putObject("contentDetails").put("videoId", v.id()).put("videoPublishedAt", Z.format(v.postedAt()));
    }
    root.putObject("pageInfo").put("totalResults", all.size()).put("resultsPerPage", max);
    return Response.json(200, root.toString());
  }

  private Response videos(String ids) {
    ObjectNode root = JSON.createObjectNode().put("kind", "youtube#videoListResponse").put("etag", "demoVideos");
    ArrayNode items = root.putArray("items");
    for (String id : Optional.ofNullable(ids).orElse("").split(",")) {
      find(id.strip()).ifPresent(v -> items.add(video(v)));
    }
    root.putObject("pageInfo").put("totalResults", items.size()).put("resultsPerPage", items.size());
    return Response.json(200, root.toString());
  }

  private ObjectNode video(Video v) {
    ObjectNode n = JSON.createObjectNode().put("kind", "youtube#video").put("etag", "v" + v.id()).put("id", v.id());
    ObjectNode sn = n.putObject("snippet").put("publishedAt", Z.format(v.postedAt())).put("channelId", channelId)
        .put("title", v.title()).put("description", v.description());
    ObjectNode th = sn.putObject("thumbnails");
    th.putObject("default").put("url", base + thumbnail(v)).put("width", 120).put("height", 90);
    th.putObject("high").put("url", base + thumbnail(v)).put("width", 480).put("height", 360);
    sn.put("channelTitle", content.text("youtube", "title")).put("categoryId", "25")
        .put("liveBroadcastContent", "none").put("defaultAudioLanguage", "vi");
    sn.putObject("localized").put("title", v.title()).put("description", v.description());
    n.putObject("contentDetails").put("duration", v.duration()).put("dimension", "2d").put("definition", "hd")
        .put("caption", "false").put("licensedContent", false).put("projection", "rectangular")
        .putObject("contentRating");
    ObjectNode st = n.putObject("statistics").put("viewCount", Long.toString(views(v)));
    if (v.likes() != null) {
      st.put("likeCount", Long.toString(likes(v)));
    }
    st.put("favoriteCount", "0");
    if (v.comments() != null) {
      st.put("commentCount", Long.toString(comments(v)));
    }
    return n;
  }

  String uploads() {
    return "UU" + channelId.substring(2);
  }

  long views(Video v) {
    return v.views().at(v.postedAt(), now(), round());
  }

  long likes(Video v) {
    return v.likes() == null ? 0 : v.likes().at(v.postedAt(), now(), round());
  }

  long comments(Video v) {
    return v.comments() == null ? 0 : v.comments().at(v.postedAt(), now(), round());
  }

  String baseUrl() {
    return base;
  }

  Instant now() {
    return clock.instant();
  }

  static String thumbnail(Video v) {
    return "/img/yt-" + v.id() + ".svg?t=" + URLEncoder.encode(v.title().length() > 44 ? v.title().substring(0, 44)
        + "…" : v.title(), StandardCharsets.UTF_8);
  }

  static String feedDate(Instant t) {
    return OFFSET.format(t);
  }

  private Optional<Video> find(String id) {
    return content.videos.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  private static String token(int index) {
    return "DEMO" + index;
  }

  private static int tokenIndex(String token) {
    return parse(token.replaceFirst("^DEMO", ""), 0);
  }

  private static int parse(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Response error(int code, String message, String reason, String domain) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode e = root.putObject("error").put("code", code).put("message", message);
    e.putArray("errors").addObject().put("message", message).put("domain", domain).put("reason", reason);
    e.put("status", code == 400 ? "INVALID_ARGUMENT" : "NOT_FOUND");
    if ("API_KEY_INVALID".equals(reason)) {
      e.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
          .put("reason", reason).put("domain", "googleapis.com");
    }
    return Response.json(code, root.toString());
  }
}
