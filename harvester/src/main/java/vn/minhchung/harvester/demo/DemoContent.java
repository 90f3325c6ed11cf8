package vn.minhchung.harvester.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.minhchung.config.settings.Settings;

/**
 * The demo items of {@code /demo/content.json} with their times fixed against an anchor instant (the moment the
 * sites started): an item {@code daysAgo} days before the anchor's date at {@code time}, or {@code hoursAgo}
 * hours before it. Items are sorted newest first, as every platform lists them.
 */
final class DemoContent {
  static final String RESOURCE = "/demo/content.json";

  record Article(long id, String slug, String title, String sapo, List<String> body, String author, Instant postedAt,
      Growth views) {
    String path() {
      return "/" + slug + "-postid" + id + ".bbg";
    }
  }

  /** A Fanpage post; a video post has the id and length (seconds, as Graph's Video node) of its video. */
  record FbPost(String id, String message, String photo, Instant postedAt, Growth reactions, Growth comments,
      Growth shares, String videoId, Double videoLength) {}

  record ZaloItem(String id, String type, String title, String description, List<String> body, Instant postedAt,
      Growth views, Growth shares) {}

  record Video(String id, String title, String description, String duration, Instant postedAt, Growth views,
      Growth likes, Growth comments) {}

  final JsonNode root;
  final Instant anchor;
  final List<Article> articles = new ArrayList<>();
  final List<FbPost> fbPosts = new ArrayList<>();
  /** Posts of the second Fanpage, which has no token and is read through the browser. */
  final List<FbPost> fbPublicPosts = new ArrayList<>();
  final List<ZaloItem> zaloItems = new ArrayList<>();
  final List<Video> videos = new ArrayList<>();

  private DemoContent(JsonNode root, Instant anchor) {
    this.root = root;
    this.anchor = anchor.truncatedTo(ChronoUnit.MINUTES);
    for (JsonNode a : root.path("newspaper").path("articles")) {
      articles.add(new Article(a.path("id").asLong(), a.path("slug").asText(), a.path("title").asText(),
          a.path("sapo").asText(), texts(a.path("body")), a.path("author").asText(), when(a),
          Growth.of(a.path("views"))));
    }
    for (JsonNode p : root.path("facebook").path("posts")) {
      fbPosts.add(new FbPost(p.path("id").asText(), p.path("message").asText(), text(p, "photo"), when(p),
          Growth.of(p.path("reactions")), Growth.of(p.path("comments")), Growth.of(p.path("shares")),
          text(p.path("video"), "id"), p.path("video").path("length").isNumber()
              ? p.path("video").path("length").asDouble() : null));
    }
    for (JsonNode p : root.path(FacebookSite.PUBLIC).path("posts")) {
      fbPublicPosts.add(new FbPost(p.path("id").asText(), p.path("message").asText(), text(p, "photo"), when(p),
          Growth.of(p.path("reactions")), Growth.of(p.path("comments")), Growth.of(p.path("shares")),
          text(p.path("video"), "id"), p.path("video").path("length").isNumber()
              ? p.path("video").path("length").asDouble() : null));
    }
    for (JsonNode z : root.path("zalo").path("articles")) {
      zaloItems.add(new ZaloItem(z.path("id").asText(), z.path("type").asText(), z.path("title").asText(),
          z.path("description").asText(), texts(z.path("body")), when(z), Growth.of(z.path("views")),
          Growth.of(z.path("shares"))));
    }
    for (JsonNode v : root.path("youtube").path("videos")) {
      videos.add(new Video(v.path("id").asText(), v.path("title").asText(), v.path("description").asText(),
          v.path("duration").asText(), when(v), Growth.of(v.path("views")), Growth.of(v.path("likes")),
          Growth.of(v.path("comments"))));
    }
    articles.sort(Comparator.comparing(Article::postedAt).reversed());
    fbPosts.sort(Comparator.comparing(FbPost::postedAt).reversed());
    fbPublicPosts.sort(Comparator.comparing(FbPost::postedAt).reversed());
    zaloItems.sort(Comparator.comparing(ZaloItem::postedAt).reversed());
    videos.sort(Comparator.comparing(Video::postedAt).reversed());
  }

  static DemoContent load(Instant anchor) {
    try (InputStream in = DemoContent.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo content " + RESOURCE + " is missing from the classpath");
      }
      return new DemoContent(new ObjectMapper().readTree(in), anchor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo content " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  String text(String section, String field) {
    return root.path(section).path(field).asText();
  }

  List<String> texts(String section, String field) {
    return texts(root.path(section).path(field));
  }

  /** An item's time: never after the anchor, so a demo started early in the morning has no future posts. */
  private Instant when(JsonNode n) {
    if (n.has("hoursAgo")) {
      return anchor.minus(n.path("hoursAgo").asLong(), ChronoUnit.HOURS);
    }
    ZonedDateTime local = anchor.atZone(Settings.ZONE).toLocalDate().minusDays(n.path("daysAgo").asLong())
        .atTime(LocalTime.parse(n.path("time").asText("08:00"))).atZone(Settings.ZONE);
    Instant t = local.toInstant();
    return t.isAfter(anchor.minus(10, ChronoUnit.MINUTES)) ? t.minus(1, ChronoUnit.DAYS) : t;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.path(field).asText() : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
