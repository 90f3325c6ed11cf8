package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import java.time.Instant;
import java.util.List;
import vn.minhchung.harvester.demo.DemoContent.FbPost;
import vn.minhchung.harvester.demo.FacebookSite.Counts;

/**
 * Fanpage-like HTML in the shape FacebookPageParser reads: each post an {@code [role=article][aria-posinset]}
 * whose permalink's text is the date as Facebook shows it ("22 tháng 11 lúc 19:05"), the message in
 * {@code [data-ad-preview=message]}, and "Tất cả cảm xúc: 1,4K", "64 bình luận", "212 lượt chia sẻ".
 */
final class FacebookPages {
  private FacebookPages() {}

  static String wall(DemoContent content, List<Counts> posts, Instant now) {
    return wall(content, "facebook", posts, now);
  }

  /** The timeline of the Page of content section {@code page} ("facebook", or the public one read by the browser). */
  static String wall(DemoContent content, String page, List<Counts> posts, Instant now) {
    StringBuilder feed = new StringBuilder();
    int i = 1;
    for (Counts c : posts) {
      feed.append(card(content, page, c, now, i++));
    }
    return shell(content, content.text(page, "name") + " | Facebook", header(content, page) + "<div class=\"feed\">"
        + feed + "</div>");
  }

  static String post(DemoContent content, FbPost p, Counts c, Instant now) {
    return post(content, "facebook", p, c, now);
  }

  static String post(DemoContent content, String page, FbPost p, Counts c, Instant now) {
    return shell(content, firstLine(p.message()) + " | " + content.text(page, "name") + " | Facebook",
        "<div class=\"feed single\">" + card(content, page, c, now, 1) + "</div>");
  }

  /**
   * What Facebook shows a logged-out reader of a Page it will not show: the page dimmed behind a login form that
   * has no close button (a login wall).
   */
  static String loginWall(DemoContent content) {
    return shell(content, "Facebook", "<div class=\"feed\"><div class=\"post\" role=\"article\" aria-posinset=\"1\">"
        + "<div class=\"message\">Bạn phải đăng nhập để tiếp tục.</div></div></div>"
        + "<div role=\"dialog\" style=\"position:fixed;inset:0;background:rgba(255,255,255,.96);display:flex;"
        + "align-items:center;justify-content:center\"><form id=\"login_popup_cta_form\" aria-label=\"Login form\">"
        + "<h2>Xem thêm trên Facebook</h2><input name=\"email\" placeholder=\"Email hoặc số điện thoại\">"
        + "<input name=\"pass\" type=\"password\" placeholder=\"Mật khẩu\"><button type=\"submit\">Đăng nhập</button>"
        + "</form></div>");
  }

  private static String shell(DemoContent content, String title, String main) {
    return Html.page(title, "facebook", "", "<div class=\"fb-top\"><span class=\"fb-logo\">facebook</span>"
        + "<span class=\"fb-search\">Tìm kiếm trên Facebook</span></div><div class=\"fb-main\" role=\"main\">" + main
        + "</div>");
  }

  private static String header(DemoContent content, String page) {
    String name = esc(content.text(page, "name"));
    return "<div class=\"page-head\"><div class=\"cover\"></div><div class=\"page-id\"><div class=\"avatar big\">BN"
        + "</div><div><h1>" + name + " <span class=\"verified\" title=\"Đã xác minh\">✔</span></h1><p>"
        + esc(content.text(page, "followers")) + " · Trang · Cơ quan chính phủ</p></div></div>"
        + "<nav class=\"page-tabs\"><a class=\"on\">Bài viết</a><a>Giới thiệu</a><a>Ảnh</a><a>Video</a></nav></div>";
  }

  private static String card(DemoContent content, String page, Counts c, Instant now, int position) {
    FbPost p = c.post();
    String permalink = "/fb/posts/" + content.text(page, "pageId") + "_" + p.id();
    String when = VnFormat.facebookTime(p.postedAt(), now);
    StringBuilder b = new StringBuilder("<div class=\"post\" role=\"article\" aria-posinset=\"").append(position)
        .append("\" aria-setsize=\"-1\"><div class=\"post-head\">")
        .append("<div class=\"avatar\">BN</div><div><a class=\"page-name\" href=\"/fb/")
        .append(esc(content.text(page, "username"))).append("\">").append(esc(content.text(page, "name")))
        .append("</a><div class=\"meta\"><a class=\"when\" href=\"").append(permalink).append("\" title=\"")
        .append(esc(VnFormat.newsDate(p.postedAt()))).append("\">").append(esc(when))
        .append("</a> · <span title=\"Công khai\">🌐</span></div></div></div>")
        .append("<div class=\"message\" data-ad-preview=\"message\">").append(Html.lines(p.message())).append("</div>");
    if (p.photo() != null) {
      b.append("<img class=\"photo\" src=\"").append(FacebookSite.picture(p)).append("\" alt=\"")
          .append(esc(p.photo())).append("\">");
    }
    b.append("<div class=\"counts\"><span class=\"reactions\"><span class=\"icons\">👍❤️</span>")
        .append("<span class=\"sr-only\">Tất cả cảm xúc:</span> <span>").append(VnFormat.compact(c.reactions()))
        .append("</span></span><span class=\"right\">");
    if (c.comments() > 0) {
      b.append("<span>").append(VnFormat.compact(c.comments())).append(" bình luận</span>");
    }
    if (c.shares() > 0) {
      b.append("<span>").append(VnFormat.compact(c.shares())).append(" lượt chia sẻ</span>");
    }
    return b.append("</span></div><div class=\"actions\"><span>👍 Thích</span><span>💬 Bình luận</span>")
        .append("<span>↗ Chia sẻ</span></div></div>").toString();
  }

  private static String firstLine(String message) {
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
