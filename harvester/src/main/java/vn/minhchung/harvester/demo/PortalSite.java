package vn.minhchung.harvester.demo;

import static vn.minhchung.harvester.demo.Html.esc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.minhchung.harvester.demo.DemoContent.Article;
import vn.minhchung.harvester.demo.SiteServer.Request;
import vn.minhchung.harvester.demo.SiteServer.Response;
import vn.minhchung.review.web.Fmt;

/**
 * An agency portal whose home shows the "Ngày Chuyển đổi số quốc gia" banner (seed 004: from 01/10 to 10/10 the
 * banner must be on every agency portal), with notices and the newspaper's latest "Chuyển đổi số" articles.
 */
final class PortalSite implements SiteServer.Handler {
  static final String BANNER = "/images/banner-ngay-chuyen-doi-so-quoc-gia.svg";

  private final DemoContent content;
  private final Clock clock;
  private String newspaperBase = "";
  private volatile LocalDate bannerDown;

  PortalSite(DemoContent content, Clock clock) {
    this.content = content;
    this.clock = clock;
  }

  /** On this day (by the site's clock) the home page shows no banner, as a forgetful webmaster would. */
  void bannerDownOn(LocalDate day) {
    this.bannerDown = day;
  }

  void newspaperBase(String baseUrl) {
    this.newspaperBase = baseUrl;
  }

  @Override
  public Response handle(Request r) {
    return switch (r.path()) {
      case "/", "/index.html" -> Response.html(home());
      case BANNER -> Response.text(200, "image/svg+xml", Html.resource("/demo/banner-cds.svg"));
      case "/robots.txt" -> Response.text(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /admin/\n");
      default -> Response.notFound();
    };
  }

  private String home() {
    String banner = content.text("portal", "banner");
    StringBuilder notices = new StringBuilder();
    for (String n : content.texts("portal", "notices")) {
      notices.append("<li><a href=\"/\">").append(esc(n)).append("</a></li>");
    }
    StringBuilder news = new StringBuilder();
    List<Article> latest = content.articles.subList(0, Math.min(5, content.articles.size()));
    for (Article a : latest) {
      news.append("<li><a href=\"").append(newspaperBase).append(a.path()).append("\">").append(esc(a.title()))
          .append("</a><span class=\"ngay-dang\">").append(Fmt.date(a.postedAt())).append("</span></li>");
    }
    String body = "<header class=\"portal-header\"><div class=\"quoc-huy\">★</div><div><p class=\"country\">"
        + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><h1>" + esc(content.text("portal", "name")).toUpperCase(
            java.util.Locale.ROOT) + "</h1><p class=\"header-today\">" + esc(VnFormat.today(clock.instant()))
        + "</p></div></header><nav class=\"portal-menu\"><a href=\"/\">Trang chủ</a><a href=\"/\">Giới thiệu</a>"
        + "<a href=\"/\">Tin tức – Sự kiện</a><a href=\"/\">Chuyển đổi số</a><a href=\"/\">Văn bản chỉ đạo điều hành</a>"
        + "<a href=\"/\">Dịch vụ công</a></nav>"
        + bannerBlock(banner)
        + "<main class=\"portal-main\"><section><h2>Tin tức – Sự kiện</h2><ul class=\"news-list\">" + news
        + "</ul></section><aside><h2>Thông báo</h2><ul class=\"notice-list\">" + notices + "</ul></aside></main>"
        + "<footer class=\"portal-footer\">" + esc(content.text("portal", "name")) + " – Cơ quan chủ quản: Ủy ban "
        + "nhân dân tỉnh Bắc Ninh. Trang mô phỏng phục vụ trình diễn; nội dung là ví dụ.</footer>";
    return Html.page(content.text("portal", "name"), "portal", "", body);
  }

  private String bannerBlock(String banner) {
    if (LocalDate.ofInstant(clock.instant(), vn.minhchung.config.settings.Settings.ZONE).equals(bannerDown)) {
      return "";
    }
    return "<div class=\"banner-cds\" id=\"banner-ngay-cds\"><a href=\"/\"><img src=\"" + BANNER + "\" alt=\""
        + esc(banner) + "\" width=\"1200\" height=\"240\"></a></div>"
        + "<div class=\"marquee\">" + esc(banner) + " – " + esc(content.text("portal", "bannerTheme")) + "</div>";
  }
}
