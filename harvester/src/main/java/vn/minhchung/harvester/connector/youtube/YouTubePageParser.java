package vn.minhchung.harvester.connector.youtube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.JsonBodies;

/**
 * Reads YouTube's public HTML pages, no key needed: a channel page ({@code /@handle}, {@code /c/…},
 * {@code /user/…}) for its {@code UC…} id, and a watch page for a video's duration, date and counts. Each value is
 * read from the schema.org {@code itemprop} metas first, then from the JSON the page embeds
 * ({@code ytInitialPlayerResponse}, {@code ytInitialData}), so a change to one of them does not lose it.
 */
public final class YouTubePageParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
  private static final Pattern CHANNEL_URL = Pattern.compile("/channel/(UC[A-Za-z0-9_-]{22})");
  private static final Pattern JSON_ID = Pattern.compile("\"(?:externalId|channelId)\"\\s*:\\s*\"(UC[A-Za-z0-9_-]{22})\"");
  /** An exact count as YouTube prints it in Vietnamese or English ("1.234", "1,234", "1 234"), never "1,2 N". */
  private static final Pattern EXACT_COUNT = Pattern.compile("\\d{1,3}(?:[.,\\s\\u00a0]\\d{3})*|\\d+");
  /** A date without a time is the day in Vietnam, where the evidence is reviewed. */
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  /** A channel page: the {@code UC…} id it belongs to and its title (null when not shown). */
  public record ChannelPage(String channelId, String title) {}

  /**
   * What a watch page shows of one video; any value the page does not carry is null (likes and comments are often
   * absent: hidden by the owner, or not in the page's first data). {@code unavailable} is YouTube's reason when the
   * page says the video cannot be played (deleted, private), else null.
   */
  public record WatchPage(String videoId, String title, String description, String author, String imageUrl,
      Integer durationSeconds, Instant publishedAt, String publishedText, Long views, Long likes, Long comments,
      boolean live, String unavailable) {}

  private YouTubePageParser() {}

  /**
   * Whether the answer is Google's cookie consent interstitial ("Before you continue to YouTube", served from
   * {@code consent.youtube.com}) instead of the page asked for: it must be reported, never read as a page.
   */
  public static boolean isConsentWall(URI finalUri, byte[] body) {
    if (finalUri != null && finalUri.getHost() != null
        && finalUri.getHost().toLowerCase(Locale.ROOT).startsWith("consent.")) {
      return true;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.contains("consent.")) {
      return false; // spares a second parse of every ~1 MB watch page
    }
    Document doc = Jsoup.parse(text);
    return doc.select("form[action]").stream().anyMatch(f -> host(f.attr("action")).startsWith("consent."));
  }

  public static ChannelPage parseChannel(byte[] body, URI source, Clock clock) throws ConnectorException {
    String html = new String(body, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html, source.toString());
    JsonNode data = embedded(html, "ytInitialData");
    JsonNode meta = data.path("metadata").path("channelMetadataRenderer");
    String title = Stream.of(JsonBodies.text(meta, "title"), attr(doc, "meta[property=og:title]", "content"),
        attr(doc, "meta[itemprop=name]", "content")).filter(t -> t != null).findFirst().orElse(null);
    Optional<String> id = Stream.of(attr(doc, "meta[itemprop=identifier]", "content"),
            attr(doc, "meta[itemprop=channelId]", "content"), JsonBodies.text(meta, "externalId"))
        .filter(v -> v != null && CHANNEL_ID.matcher(v).matches()).findFirst()
        .or(() -> Stream.of(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]", "content"))
            .filter(v -> v != null).map(CHANNEL_URL::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst())
        .or(() -> Optional.of(JSON_ID.matcher(html)).filter(Matcher::find).map(m -> m.group(1)));
    return new ChannelPage(id.orElseThrow(() -> new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
        source + ": expected the channel id (UC…) in <meta itemprop=\"identifier\">, the canonical link or "
            + "ytInitialData but found none" + titled(doc) + "; the page layout may have changed: set the "
            + "channel's platform_id to its UC… id")), title);
  }

  public static WatchPage parseWatch(byte[] body, URI source, Clock clock) throws ConnectorException {
    String html = new String(body, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html, source.toString());
    JsonNode player = embedded(html, "ytInitialPlayerResponse");
    JsonNode data = embedded(html, "ytInitialData");
    JsonNode details = player.path("videoDetails");
    JsonNode micro = player.path("microformat").path("playerMicroformatRenderer");
    String videoId = first(itemprop(doc, "videoId"), JsonBodies.text(details, "videoId"));
    if (videoId == null) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE, source + ": expected a watch page with "
          + "<meta itemprop=\"videoId\"> or ytInitialPlayerResponse.videoDetails but found neither" + titled(doc)
          + "; YouTube may have changed its page or answered with an error page");
    }
    Integer duration = IsoDuration.seconds(itemprop(doc, "duration"))
        .or(() -> positive(JsonBodies.text(details, "lengthSeconds")))
        .or(() -> positive(JsonBodies.text(micro, "lengthSeconds"))).orElse(null);
    String publishedText = first(itemprop(doc, "datePublished"), itemprop(doc, "uploadDate"),
        JsonBodies.text(micro, "publishDate"), JsonBodies.text(micro, "uploadDate"));
    Long views = Optional.ofNullable(JsonBodies.number(itemprop(doc, "interactionCount")))
        .or(() -> Optional.ofNullable(interaction(doc, "WatchAction")))
        .or(() -> Optional.ofNullable(JsonBodies.count(details.path("viewCount"))))
        .orElse(JsonBodies.count(micro.path("viewCount")));
    Long likes = Optional.ofNullable(interaction(doc, "LikeAction"))
        .orElse(data.findValues("likeCountIfIndifferentNumber").stream().map(n -> JsonBodies.count(n))
            .filter(n -> n != null).findFirst().orElse(null));
    String status = JsonBodies.text(player.path("playabilityStatus"), "status");
    String unavailable = status == null || status.equals("OK") || status.equals("LIVE_STREAM_OFFLINE") ? null
        : Optional.ofNullable(JsonBodies.text(player.path("playabilityStatus"), "reason")).orElse(status);
    return new WatchPage(videoId,
        first(itemprop(doc, "name"), JsonBodies.text(details, "title"), attr(doc, "meta[property=og:title]",
            "content")),
        first(JsonBodies.text(details, "shortDescription"), itemprop(doc, "description")),
        first(JsonBodies.text(details, "author"), attr(doc, "[itemprop=author] link[itemprop=name]", "content"),
            JsonBodies.text(micro, "ownerChannelName")),
        first(attr(doc, "link[itemprop=thumbnailUrl]", "href"), attr(doc, "meta[property=og:image]", "content")),
        duration, instant(publishedText), publishedText, views, likes, comments(data),
        details.path("isLive").asBoolean(false) || details.path("isUpcoming").asBoolean(false), unavailable);
  }

  /**
   * The comment count of the watch page's first data: the comments teaser ({@code commentsEntryPointHeaderRenderer})
   * or the comments section header; null when comments are off or only an abbreviated count ("1,2 N") is shown.
   */
  private static Long comments(JsonNode data) {
    for (JsonNode teaser : data.findValues("commentsEntryPointHeaderRenderer")) {
      Long n = exact(JsonBodies.text(teaser.path("commentCount"), "simpleText"));
      if (n != null) {
        return n;
      }
    }
    for (JsonNode header : data.findValues("commentsHeaderRenderer")) {
      Long n = exact(JsonBodies.text(header.path("commentsCount").path("runs").path(0), "text"));
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** A schema.org {@code InteractionCounter} of the page ({@code WatchAction} = views, {@code LikeAction} = likes). */
  private static Long interaction(Document doc, String type) {
    for (Element counter : doc.select("[itemprop=interactionStatistic]")) {
      Element kind = counter.selectFirst("[itemprop=interactionType]");
      String k = kind == null ? "" : kind.hasAttr("href") ? kind.attr("href") : kind.attr("content");
      if (k.endsWith("/" + type) || k.equals(type)) {
        return JsonBodies.number(attr(counter, "[itemprop=userInteractionCount]", "content"));
      }
    }
    return null;
  }

  /**
   * The object a page script assigns to {@code name} ({@code var ytInitialData = {…};} or
   * {@code window["ytInitialData"] = {…};}); missing when absent or unreadable, since the metas may still serve.
   */
  static JsonNode embedded(String html, String name) {
    Matcher m = Pattern.compile(Pattern.quote(name) + "\"?\\]?\\s*=\\s*\\{").matcher(html);
    if (!m.find()) {
      return MissingNode.getInstance();
    }
    // Reads exactly one JSON value and stops, so the script's trailing ";" and whatever follows is never parsed.
    try (JsonParser p = JSON.getFactory().createParser(html.substring(m.end() - 1))) {
      JsonNode node = p.readValueAsTree();
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException unreadable) {
      return MissingNode.getInstance();
    }
  }

  /** {@code 2026-04-16T03:00:00-07:00} (the usual form) or a bare {@code 2026-04-16}. */
  static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    return YouTubeParser.instant(text).orElseGet(() -> {
      try {
        return LocalDate.parse(text.strip()).atStartOfDay(VIETNAM).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    });
  }

  private static Optional<Integer> positive(String seconds) {
    Long n = JsonBodies.number(seconds);
    return n == null || n <= 0 || n > Integer.MAX_VALUE ? Optional.empty() : Optional.of(n.intValue());
  }

  private static Long exact(String text) {
    if (text == null || !EXACT_COUNT.matcher(text.strip()).matches()) {
      return null;
    }
    return JsonBodies.number(text.replaceAll("[^0-9]", ""));
  }

  private static String itemprop(Document doc, String name) {
    return attr(doc, "meta[itemprop=" + name + "]", "content");
  }

  private static String attr(Element root, String css, String attribute) {
    Element e = root.selectFirst(css);
    if (e == null) {
      return null;
    }
    String v = e.attr(attribute).strip();
    return v.isEmpty() ? null : v;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    return Stream.of(values).filter(v -> v != null).findFirst().orElse(null);
  }

  private static String host(String url) {
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAUrl) {
      return "";
    }
  }

  private static String titled(Document doc) {
    String t = doc.title().strip();
    return t.isEmpty() ? "" : " (page title \"" + t + "\")";
  }
}
