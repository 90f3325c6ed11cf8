package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.minhchung.harvester.connector.youtube.IsoDuration;
import vn.minhchung.harvester.demo.DemoContent.Video;
import vn.minhchung.review.web.Fmt;

/**
 * The channel's Atom feed (latest 15) and YouTube-like watch and channel pages (Vietnamese interface). The pages
 * carry the markers the keyless harvest reads on youtube.com (itemprop metas, the canonical link,
 * {@code ytInitialPlayerResponse} and {@code ytInitialData}; see fixtures/youtube/README.md), so the demo channel
 * can also be read without a key.
 */
final class YouTubePages {
  static final int FEED_SIZE = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  private YouTubePages() {}

  static String feed(DemoContent content, YouTubeSite site) {
    String id = site.channelId();
    String title = esc(content.text("youtube", "title"));
    String base = site.baseUrl();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns:yt=\""
        + "http://www.youtube.com/xml/schemas/2015\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
        + "xmlns=\"http://www.w3.org/2005/Atom\">\n <link rel=\"self\" href=\"" + base + YouTubeSite.FEED
        + "?channel_id=" + id + "\"/>\n <id>yt:channel:" + id.substring(2) + "</id>\n <yt:channelId>" + id.substring(2)
        + "</yt:channelId>\n <title>" + title + "</title>\n <link rel=\"alternate\" href=\"" + base + "/channel/" + id
        + "\"/>\n <author><name>" + title + "</name><uri>" + base + "/channel/" + id + "</uri></author>\n");
    for (Video v : content.videos.subList(0, Math.min(FEED_SIZE, content.videos.size()))) {
      String t = esc(v.title());
      b.append(" <entry>\n  <id>yt:video:").append(v.id()).append("</id>\n  <yt:videoId>").append(v.id())
          .append("</yt:videoId>\n  <yt:channelId>").append(id).append("</yt:channelId>\n  <title>").append(t)
          .append("</title>\n  <link rel=\"alternate\" href=\"").append(base).append("/watch?v=").append(v.id())
          .append("\"/>\n  <author><name>").append(title).append("</name></author>\n  <published>")
          .append(YouTubeSite.feedDate(v.postedAt())).append("</published>\n  <updated>")
          .append(YouTubeSite.feedDate(site.now())).append("</updated>\n  <media:group>\n   <media:title>").append(t)
          .append("</media:title>\n   <media:thumbnail url=\"").append(esc(base + YouTubeSite.thumbnail(v)))
          .append("\" width=\"480\" height=\"360\"/>\n   <media:description>").append(esc(v.description()))
          .append("</media:description>\n   <media:community>\n    <media:starRating count=\"")
          .append(site.likes(v)).append("\" average=\"5.00\" min=\"1\" max=\"5\"/>\n    <media:statistics views=\"")
          .append(site.views(v)).append("\"/>\n   </media:community>\n  </media:group>\n </entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  static String watch(DemoContent content, YouTubeSite site, Video v) {
    StringBuilder next = new StringBuilder();
    content.videos.stream().filter(x -> x != v).limit(6).forEach(x -> next.append("<a class=\"next\" href=\"/watch?v=")
        .append(x.id()).append("\"><span class=\"thumb\"><img src=\"").append(esc(YouTubeSite.thumbnail(x)))
        .append("\" alt=\"\"><span class=\"len\">").append(VnFormat.clock(x.duration())).append("</span></span>")
        .append("<span><b>").append(esc(x.title())).append("</b><small>").append(Fmt.number(site.views(x)))
        .append(" lượt xem</small></span></a>"));
    String likes = v.likes() == null ? "Thích" : VnFormat.compact(site.likes(v));
    String comments = v.comments() == null ? "<p class=\"comments-off\">Tính năng bình luận đã bị tắt.</p>"
        : "<h3 class=\"comments\">" + Fmt.number(site.comments(v)) + " bình luận</h3>";
    String main = "<div class=\"watch\"><div class=\"primary\"><div class=\"player\"><img src=\""
        + esc(YouTubeSite.thumbnail(v)) + "\" alt=\"\"><span class=\"play\">▶</span><span class=\"len\">"
        + VnFormat.clock(v.duration()) + "</span></div><h1 class=\"title\">" + esc(v.title()) + "</h1>"
        + "<div class=\"owner\"><div class=\"ch-avatar\">BN</div><div><a href=\"/channel/" + site.channelId() + "\"><b>"
        + esc(content.text("youtube", "title")) + "</b></a><small>" + VnFormat.compact(Long.parseLong(
            content.text("youtube", "subscribers"))) + " người đăng ký</small></div><span class=\"subscribe\">Đăng ký"
        + "</span><span class=\"likes\">👍 " + likes + "</span></div><div class=\"description\"><b class=\"info\">"
        + Fmt.number(site.views(v)) + " lượt xem · Ngày công chiếu: " + Fmt.date(v.postedAt())
        + "</b><p>" + Html.lines(v.description()) + "</p></div>" + comments + "</div><div class=\"secondary\">" + next
        + "</div></div>";
    return Html.page(v.title() + " - YouTube", "youtube", "<link rel=\"canonical\" href=\"" + esc(site.baseUrl()
        + "/watch?v=" + v.id()) + "\">", top() + main + videoMarkers(content, site, v));
  }

  /** The schema.org metas and page data of a real watch page, with this video's current counts. */
  private static String videoMarkers(DemoContent content, YouTubeSite site, Video v) {
    String published = YouTubeSite.feedDate(v.postedAt());
    String views = Long.toString(site.views(v));
    String metas = "<div itemscope itemtype=\"http://schema.org/VideoObject\"><meta itemprop=\"name\" content=\""
        + esc(v.title()) + "\"><meta itemprop=\"videoId\" content=\"" + v.id() + "\"><meta itemprop=\"duration\" "
        + "content=\"" + v.duration() + "\"><meta itemprop=\"datePublished\" content=\"" + published + "\">"
        + "<meta itemprop=\"uploadDate\" content=\"" + published + "\"><div itemprop=\"interactionStatistic\" "
        + "itemscope itemtype=\"https://schema.org/InteractionCounter\"><meta itemprop=\"userInteractionCount\" "
        + "content=\"" + views + "\"><link itemprop=\"interactionType\" href=\"https://schema.org/WatchAction\">"
        + "</div></div>";
    ObjectNode player = JSON.createObjectNode();
    player.putObject("playabilityStatus").put("status", "OK");
    player.putObject("videoDetails").put("videoId", v.id()).put("title", v.title())
        .put("lengthSeconds", IsoDuration.seconds(v.duration()).map(String::valueOf).orElse("0"))
        .put("channelId", site.channelId()).put("shortDescription", v.description()).put("viewCount", views)
        .put("author", content.text("youtube", "title")).put("isLiveContent", false);
    player.putObject("microformat").putObject("playerMicroformatRenderer").put("publishDate", published)
        .put("uploadDate", published).put("viewCount", views).put("externalChannelId", site.channelId());
    ObjectNode data = JSON.createObjectNode();
    ArrayNode contents = data.putObject("contents").putObject("twoColumnWatchNextResults").putObject("results")
        .putObject("results").putArray("contents");
    contents.addObject().putObject("videoPrimaryInfoRenderer").putObject("title").putArray("runs").addObject()
        .put("text", v.title());
    if (v.comments() != null) {
      ObjectNode header = contents.addObject().putObject("itemSectionRenderer").putArray("contents").addObject()
          .putObject("commentsEntryPointHeaderRenderer");
      header.putObject("headerText").putArray("runs").addObject().put("text", "Bình luận");
      header.putObject("commentCount").put("simpleText", Long.toString(site.comments(v)));
    }
    if (v.likes() != null) {
      data.putObject("frameworkUpdates").putObject("entityBatchUpdate").putArray("mutations").addObject()
          .putObject("payload").putObject("likeCountEntity")
          .put("likeCountIfIndifferentNumber", Long.toString(site.likes(v)))
          .put("likeCountIfLikedNumber", Long.toString(site.likes(v) + 1));
    }
    return metas + script("ytInitialPlayerResponse", player) + script("ytInitialData", data);
  }

  private static String script(String name, ObjectNode value) {
    // "</" inside a string would end the script element early.
    return "<script>var " + name + " = " + value.toString().replace("</", "<\\/") + ";</script>";
  }

  static String channel(DemoContent content, YouTubeSite site) {
    StringBuilder grid = new StringBuilder();
    for (Video v : content.videos) {
      grid.append("<a class=\"tile\" href=\"/watch?v=").append(v.id()).append("\"><span class=\"thumb\"><img src=\"")
          .append(esc(YouTubeSite.thumbnail(v))).append("\" alt=\"\"><span class=\"len\">")
          .append(VnFormat.clock(v.duration())).append("</span></span><b>").append(esc(v.title())).append("</b><small>")
          .append(Fmt.number(site.views(v))).append(" lượt xem · ").append(Fmt.date(v.postedAt()))
          .append("</small></a>");
    }
    String main = "<div class=\"channel-head\"><div class=\"ch-avatar big\">BN</div><div><h1>"
        + esc(content.text("youtube", "title")) + "</h1><p>" + esc(content.text("youtube", "handle")) + " · "
        + VnFormat.compact(Long.parseLong(content.text("youtube", "subscribers"))) + " người đăng ký · "
        + content.videos.size() + " video</p></div></div><div class=\"grid\">" + grid + "</div>";
    String canonical = site.baseUrl() + "/channel/" + site.channelId();
    ObjectNode data = JSON.createObjectNode();
    data.putObject("metadata").putObject("channelMetadataRenderer").put("title", content.text("youtube", "title"))
        .put("externalId", site.channelId()).put("channelUrl", canonical)
        .put("vanityChannelUrl", site.baseUrl() + "/" + content.text("youtube", "handle"));
    String markers = "<div itemscope itemtype=\"http://schema.org/YoutubeChannelV2\"><meta itemprop=\"name\" "
        + "content=\"" + esc(content.text("youtube", "title")) + "\"><meta itemprop=\"identifier\" content=\""
        + site.channelId() + "\"></div>" + script("ytInitialData", data);
    return Html.page(content.text("youtube", "title") + " - YouTube", "youtube", "<link rel=\"canonical\" href=\""
        + esc(canonical) + "\">", top() + main + markers);
  }

  private static String top() {
    return "<div class=\"yt-top\"><span class=\"yt-logo\"><span class=\"yt-play\">▶</span>YouTube<sup>VN</sup></span>"
        + "<span class=\"yt-search\">Tìm kiếm</span></div>";
  }
}
