package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import vn.minhchung.harvester.demo.DemoContent.ZaloItem;
import vn.minhchung.review.web.Fmt;

/**
 * Zalo OA pages: an article (the OA with its verified mark, title, date, views and shares, cover and text) and the
 * OA's public profile ({@code /<oaId>}: name, verified mark, category, followers and the latest articles).
 */
final class ZaloPages {
  private ZaloPages() {}

  static String profile(DemoContent content, java.util.List<ZaloItem> latest, long followers) {
    StringBuilder list = new StringBuilder();
    for (ZaloItem a : latest) {
      list.append("<li class=\"article-item\"><a href=\"/oa/article/").append(esc(a.id())).append("\">")
          .append("<img src=\"").append(ZaloSite.cover(a)).append("\" alt=\"\"><span class=\"title\">")
          .append(esc(a.title())).append("</span></a></li>");
    }
    String html = "<div class=\"zalo-top\"><span class=\"zalo-logo\">Zalo</span><span>Official Account</span></div>"
        + "<main class=\"zalo-profile\"><div class=\"oa\"><div class=\"oa-avatar\">CQS</div><div><h1 class=\"oa-name\">"
        + esc(content.text("zalo", "name")) + "</h1> <span class=\"verified\" title=\"Tài khoản đã xác thực\">✔</span>"
        + "<div class=\"oa-kind\">Cơ quan nhà nước</div><div class=\"oa-follower\">" + Fmt.number(followers)
        + " người quan tâm</div></div><a class=\"follow\">Quan tâm</a></div>"
        + "<p class=\"oa-description\">Kênh thông tin chính thống về chính quyền số tỉnh Bắc Ninh</p>"
        + "<h2>Bài viết mới</h2><ul class=\"articles\">" + list + "</ul></main>";
    return Html.page("Zalo - " + content.text("zalo", "name"), "zalo", "", html);
  }

  static String article(DemoContent content, ZaloItem a, long views, long shares) {
    StringBuilder body = new StringBuilder();
    for (String p : a.body()) {
      body.append("<p>").append(esc(p)).append("</p>");
    }
    String media = a.type().equals("video")
        ? "<div class=\"video\"><img src=\"" + ZaloSite.cover(a) + "\" alt=\"\"><span class=\"play\">▶</span></div>"
        : "<img class=\"cover\" src=\"" + ZaloSite.cover(a) + "\" alt=\"\">";
    String html = "<div class=\"zalo-top\"><span class=\"zalo-logo\">Zalo</span><span>Official Account</span></div>"
        + "<main class=\"zalo-article\"><div class=\"oa\"><div class=\"oa-avatar\">CQS</div><div><b>"
        + esc(content.text("zalo", "name")) + "</b> <span class=\"verified\" title=\"Tài khoản đã xác thực\">✔</span>"
        + "<div class=\"oa-kind\">Cơ quan nhà nước</div></div><a class=\"follow\">Quan tâm</a></div>"
        + "<h1 class=\"title\">" + esc(a.title()) + "</h1><div class=\"article-meta\"><span class=\"date\">"
        + esc(Fmt.dateTime(a.postedAt())) + "</span> · <span class=\"views\">" + Fmt.number(views)
        + " lượt xem</span> · <span class=\"shares\">" + Fmt.number(shares) + " lượt chia sẻ</span></div>"
        + media + "<p class=\"description\">" + esc(a.description()) + "</p><div class=\"content\">" + body
        + "</div></main>";
    return Html.page(a.title() + " – " + content.text("zalo", "name"), "zalo", "", html);
  }
}
