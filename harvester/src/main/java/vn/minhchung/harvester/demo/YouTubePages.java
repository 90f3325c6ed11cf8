package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import vn.minhchung.harvester.demo.DemoContent.Video;
import vn.minhchung.review.web.Fmt;

/** The channel's Atom feed (latest 15) and YouTube-like watch and channel pages (Vietnamese interface). */
final class YouTubePages {
  static final int FEED_SIZE = 15;

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
    return Html.page(v.title() + " - YouTube", "youtube", "", top() + main);
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
    return Html.page(content.text("youtube", "title") + " - YouTube", "youtube", "", top() + main);
  }

  private static String top() {
    return "<div class=\"yt-top\"><span class=\"yt-logo\"><span class=\"yt-play\">▶</span>YouTube<sup>VN</sup></span>"
        + "<span class=\"yt-search\">Tìm kiếm</span></div>";
  }
}
