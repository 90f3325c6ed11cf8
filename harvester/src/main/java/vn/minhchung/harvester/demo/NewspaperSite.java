package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.minhchung.harvester.demo.DemoContent.Article;
import vn.minhchung.harvester.demo.SiteServer.Request;
import vn.minhchung.harvester.demo.SiteServer.Response;
import vn.minhchung.review.web.Fmt;

/**
 * A provincial newspaper in the layout of baobacninhtv.vn (PLATFORMS.md): home, the "Chuyển đổi số" section
 * ({@code /chuyen-doi-so?page=N}, links {@code a.font-tin-doc}), articles ending {@code -postidN.bbg} with a
 * Vietnamese date and "Lượt xem", an RSS feed of the section, a sitemap and robots.txt. Views grow per hour and
 * each time the feed is read (one harvest reads it once).
 */
final class NewspaperSite extends GrowingSite {
  static final String SECTION = "/chuyen-doi-so";
  static final String FEED = "/rss/chuyen-doi-so.rss";
  static final int PER_PAGE = 6;
  static final int FEED_SIZE = 10;
  private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
      Locale.ENGLISH);
  private static final List<String> MENU = List.of("Thời sự", "Chuyển đổi số", "Kinh tế", "Xã hội", "Văn hóa",
      "Thể thao", "Bắc Ninh 24h");

  NewspaperSite(DemoContent content, Clock clock) {
    super(content, clock);
  }

  @Override
  public Response handle(Request r) {
    String p = r.path();
    if (p.equals("/") || p.equals("/index.html")) {
      return Response.html(home());
    }
    if (p.equals(SECTION)) {
      return Response.html(section(parsePage(r.param("page"))));
    }
    if (p.equals(FEED)) {
      listingServed();
      return Response.text(200, "application/rss+xml; charset=utf-8", feed());
    }
    if (p.equals("/sitemap.xml")) {
      return Response.text(200, "application/xml; charset=utf-8", sitemap());
    }
    if (p.equals("/robots.txt")) {
      return Response.text(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /quan-tri/\nDisallow: /tim-kiem\n"
          + "\nSitemap: " + base + "/sitemap.xml\n");
    }
    if (p.startsWith("/img/")) {
      return Response.text(200, "image/svg+xml", Html.svg(Optional.ofNullable(r.param("t")).orElse("Báo Bắc Ninh"),
          800, 450));
    }
    return content.articles.stream().filter(a -> a.path().equals(p)).findFirst()
        .map(a -> Response.html(article(a))).orElseGet(Response::notFound);
  }

  private static int parsePage(String s) {
    try {
      return s == null ? 1 : Math.max(1, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private long views(Article a) {
    return a.views().at(a.postedAt(), clock.instant(), round());
  }

  static String image(Article a) {
    return "/img/bai-" + a.id() + ".svg?t=" + URLEncoder.encode(shortTitle(a.title()), StandardCharsets.UTF_8);
  }

  private static String shortTitle(String title) {
    String[] words = title.split(" ");
    return words.length <= 6 ? title : String.join(" ", List.of(words).subList(0, 6)) + "…";
  }

  private String chrome(String title, String head, String main) {
    StringBuilder nav = new StringBuilder();
    for (String m : MENU) {
      nav.append(m.equals("Chuyển đổi số") ? "<a class=\"active\" href=\"" + SECTION + "\">" : "<a href=\"/\">")
          .append(esc(m)).append("</a>");
    }
    String body = "<header class=\"site-header\"><div class=\"topbar\"><span class=\"header-today\">"
        + esc(VnFormat.today(clock.instant())) + "</span><span>Đường dây nóng: 0222.3822.xxx</span></div>"
        + "<div class=\"brand\"><a href=\"/\" class=\"logo\">BÁO BẮC NINH</a><span class=\"slogan\">"
        + esc(content.text("newspaper", "slogan")) + "</span></div><nav class=\"menu\">" + nav + "</nav></header>"
        + "<main class=\"container\">" + main + "</main><footer class=\"site-footer\"><p><b>BÁO VÀ PHÁT THANH, "
        + "TRUYỀN HÌNH BẮC NINH</b></p><p>Trang mô phỏng phục vụ trình diễn phần mềm thu thập minh chứng; nội dung "
        + "là ví dụ.</p></footer>";
    return Html.page(title, "newspaper", "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Chuyển đổi số\" "
        + "href=\"" + FEED + "\">" + head, body);
  }

  private String home() {
    List<Article> list = content.articles;
    Article top = list.get(0);
    StringBuilder items = new StringBuilder();
    for (Article a : list.subList(1, Math.min(list.size(), 7))) {
      items.append(card(a));
    }
    String main = "<section class=\"featured\"><a href=\"" + top.path() + "\"><img src=\"" + image(top) + "\" alt=\"\">"
        + "</a><div><h2><a class=\"font-tin-doc\" href=\"" + top.path() + "\">" + esc(top.title()) + "</a></h2><p>"
        + esc(top.sapo()) + "</p></div></section><h2 class=\"box-title\"><a href=\"" + SECTION
        + "\">Chuyển đổi số</a></h2><div class=\"list-news\">" + items + "</div>";
    return chrome(content.text("newspaper", "name") + " – Tin tức, sự kiện tỉnh Bắc Ninh", "", main);
  }

  private String card(Article a) {
    return "<div class=\"item\"><a href=\"" + a.path() + "\"><img src=\"" + image(a) + "\" alt=\"\"></a><div>"
        + "<a class=\"font-tin-doc\" href=\"" + a.path() + "\">" + esc(a.title()) + "</a><p class=\"sapo-list\">"
        + esc(a.sapo()) + "</p></div></div>";
  }

  private String section(int page) {
    List<Article> all = content.articles;
    int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
    int from = Math.min(all.size(), (page - 1) * PER_PAGE);
    StringBuilder items = new StringBuilder();
    for (Article a : all.subList(from, Math.min(all.size(), from + PER_PAGE))) {
      items.append(card(a));
    }
    StringBuilder pager = new StringBuilder("<div class=\"pagination\">");
    for (int i = 1; i <= pages; i++) {
      pager.append("<a href=\"").append(SECTION).append("?page=").append(i).append('"')
          .append(i == page ? " class=\"active\"" : "").append('>').append(i).append("</a>");
    }
    if (page < pages) {
      pager.append("<a href=\"").append(SECTION).append("?page=").append(page + 1).append("\">Trang sau</a>");
    }
    pager.append("</div>");
    String main = "<ul class=\"breadcrumb\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"" + SECTION
        + "\">Chuyển đổi số</a></li></ul><h1 class=\"section-title\">Chuyển đổi số</h1><div class=\"list-news\">"
        + items + "</div>" + pager;
    return chrome("Chuyển đổi số – Báo Bắc Ninh" + (page > 1 ? " – Trang " + page : ""), "", main);
  }

  private String article(Article a) {
    StringBuilder body = new StringBuilder();
    body.append("<figure><img src=\"").append(image(a)).append("\" alt=\"").append(esc(a.title()))
        .append("\"><figcaption>Ảnh minh họa: ").append(esc(shortTitle(a.title()))).append("</figcaption></figure>");
    for (String para : a.body()) {
      body.append("<p>").append(esc(para)).append("</p>");
    }
    StringBuilder related = new StringBuilder();
    content.articles.stream().filter(x -> x != a).limit(4).forEach(x -> related.append("<li><a href=\"")
        .append(x.path()).append("\">").append(esc(x.title())).append("</a></li>"));
    String main = "<div class=\"article-wrap\"><article class=\"news-details\"><ul class=\"breadcrumb "
        + "news-details__cate\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"" + SECTION + "\">Chuyển đổi số</a>"
        + "</li></ul><h1 class=\"news-details__title\">" + esc(a.title()) + "</h1><div class=\"news-details__info\">"
        + "<span class=\"news-details__date\">" + esc(VnFormat.newsDate(a.postedAt())) + "</span>"
        // A separator before the label: "08:30 Lượt xem" would read as "30 lượt xem" to a view-count parser.
        + "<span class=\"sep\">|</span><span class=\"luot-xem\">👁 Lượt xem: " + Fmt.number(views(a))
        + "</span></div>"
        + "<div class=\"news_detail_sapo\">" + esc(a.sapo()) + "</div><div class=\"news-details__content\">" + body
        + "<p class=\"author\">" + esc(a.author()) + "</p></div><div class=\"news-related\"><h3>Tin liên quan</h3>"
        + "<ul class=\"news-related__list\">" + related + "</ul></div></article></div>";
    String head = "<link rel=\"canonical\" href=\"" + base + a.path() + "\"><meta property=\"og:title\" content=\""
        + esc(a.title()) + "\"><meta property=\"og:image\" content=\"" + base + image(a) + "\">"
        + "<meta name=\"description\" content=\"" + esc(a.sapo()) + "\">";
    return chrome(a.title() + " – Báo Bắc Ninh", head, main);
  }

  private String feed() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        + "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Báo Bắc Ninh - Chuyển đổi số</title><link>"
        + base + SECTION + "</link><description>Tin tức chuyển đổi số tỉnh Bắc Ninh</description><language>vi-vn"
        + "</language><atom:link href=\"" + base + FEED + "\" rel=\"self\" type=\"application/rss+xml\"/>\n");
    for (Article a : content.articles.subList(0, Math.min(FEED_SIZE, content.articles.size()))) {
      b.append("<item><title>").append(esc(a.title())).append("</title><link>").append(base).append(a.path())
          .append("</link><description><![CDATA[<img src=\"").append(base).append(image(a)).append("\"/>")
          .append(a.sapo()).append("]]></description><pubDate>").append(rfc822(a.postedAt()))
          .append("</pubDate><guid isPermaLink=\"false\">").append(a.id()).append("</guid></item>\n");
    }
    return b.append("</channel></rss>\n").toString();
  }

  private String sitemap() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
        + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (Article a : content.articles) {
      b.append("<url><loc>").append(base).append(a.path()).append("</loc><lastmod>")
          .append(VnFormat.local(a.postedAt()).toOffsetDateTime()).append("</lastmod></url>\n");
    }
    return b.append("</urlset>\n").toString();
  }

  private static String rfc822(Instant t) {
    return RFC822.format(VnFormat.local(t));
  }
}
