package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import vn.minhchung.harvester.demo.DemoContent.ZaloItem;
import vn.minhchung.review.web.Fmt;

/** A Zalo OA article page: the OA with its verified mark, title, date, views and shares, cover and text. */
final class ZaloPages {
  private ZaloPages() {}

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
