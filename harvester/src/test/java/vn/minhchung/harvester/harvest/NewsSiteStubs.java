package vn.minhchung.harvester.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.connector.web.Fixtures;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * One local server playing a provincial paper, an agency portal and a few broken sites, from
 * {@code fixtures/news/}; and the channels that point at it.
 */
public final class NewsSiteStubs {
  private NewsSiteStubs() {}

  public static final String A431102 = "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg";
  public static final String A430877 = "/tap-huan-ky-nang-so-cho-can-bo-cap-xa-postid430877.bbg";
  public static final String A431050 = "/xa-dong-tien-so-hoa-ho-so-dia-chinh-postid431050.bbg";
  public static final String A401200 = "/ra-mat-to-cong-nghe-so-cong-dong-postid401200.bbg";
  public static final String GOV = "/tin-tuc/chuyen-doi-so/hoi-nghi-tuyen-truyen-luat-chuyen-doi-so-nam-2026.html";

  private static final byte[] TWENTY_MB = new byte[20 * 1024 * 1024];

  static {
    java.util.Arrays.fill(TWENTY_MB, (byte) ' ');
  }

  public static void install(WireMockServer s) {
    String base = s.baseUrl();
    html(s, "/robots.txt", "portal-robots-2026-11-20.txt", "text/plain");
    html(s, "/rss/chuyen-doi-so.rss", "baobacninh-rss-2026-11-20.xml", "application/rss+xml; charset=utf-8");
    html(s, A431102, "baobacninh-article-431102-2026-11-19.html", null);
    html(s, A430877, "baobacninh-article-430877-2026-11-16.html", null);
    html(s, A431050, "baobacninh-article-431050-2026-11-18.html", null);
    html(s, A401200, "baobacninh-article-401200-2026-06-02.html", null);
    s.stubFor(get(urlEqualTo("/chuyen-doi-so")).willReturn(ok(Fixtures.text("baobacninh-listing-p1-2026-11-20.html", base))));
    s.stubFor(get(urlEqualTo("/chuyen-doi-so?page=2")).willReturn(ok(Fixtures.text("baobacninh-listing-p2-2026-11-20.html", base))));
    html(s, "/sitemap.xml", "portal-sitemap-index-2026-11-20.xml", "application/xml");
    html(s, "/sitemap-news.xml", "portal-sitemap-news-2026-11-20.xml", "application/xml");
    html(s, "/sitemap-posts-2026-11.xml", "portal-sitemap-posts-2026-11-20.xml", "application/xml");
    html(s, GOV, "sokhcn-gov-article-2026-11-19.html", null);
    html(s, "/rss/loi.rss", "not-xml-feed-2026-11-20.xml", "text/html");
    html(s, "/rss/xxe.rss", "xxe-feed-2026-11-20.xml", "application/rss+xml");
    html(s, "/kinh-bac-tro-ly-ao.html", "afcbc-article-no-date-2026-11-20.html", null);
    html(s, "/lich-phat-song.html", "future-date-article-2026-11-20.html", null);
    html(s, "/tin-van.html", "broken-html-2026-11-20.html", null);
    s.stubFor(get("/luong-tai.html").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(Fixtures.raw("windows-1258-article-2026-11-10.html"))));
    s.stubFor(get("/chap-chon.html").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    s.stubFor(get("/chap-chon.html").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(ok(Fixtures.text("sokhcn-gov-article-2026-11-19.html", base))));
    s.stubFor(get("/vong-a").willReturn(aResponse().withStatus(301).withHeader("Location", "/vong-b")));
    s.stubFor(get("/vong-b").willReturn(aResponse().withStatus(301).withHeader("Location", "/vong-a")));
    s.stubFor(get("/rat-lon.html").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody(TWENTY_MB)));
    s.stubFor(get("/rss/hon-hop.rss").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/rss+xml").withBody(mixedFeed(base))));
    s.stubFor(get("/rss/cham.rss").willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("<rss/>")));
    s.stubFor(get("/rss/gioi-han.rss").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    html(s, "/trang-chu-xa", "portal-watch-banner-2026-10-05.html", null);
    html(s, "/trang-chu-xa-khac", "portal-watch-no-banner-2026-10-06.html", null);
  }

  /** A feed whose items lead to every kind of bad page. */
  private static String mixedFeed(String base) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Tin hỗn hợp</title><link>" + base + "/</link><description>x</description>");
    for (String p : new String[] {"/kinh-bac-tro-ly-ao.html", "/lich-phat-song.html", "/tin-van.html",
        "/luong-tai.html", "/chap-chon.html", "/vong-a", "/rat-lon.html", "/noi-bo/danh-sach-can-bo.html"}) {
      sb.append("<item><title>Bài ").append(p).append("</title><link>").append(base).append(p).append("</link></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private static void html(WireMockServer s, String path, String fixture, String type) {
    s.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", type == null ? "text/html; charset=utf-8" : type)
        .withBody(Fixtures.text(fixture, s.baseUrl()).getBytes(StandardCharsets.UTF_8))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates the unit and the channels (the registry import is not needed for these tests). */
  public static void channels(Database db, String base, Instant now) {
    db.runInTransaction(s -> {
      Unit unit = new Unit("BBN", "Báo Bắc Ninh", now);
      s.persist(unit);
      Unit xa = new Unit("UBND-TD", "UBND xã Tiên Du", now);
      s.persist(xa);
      channel(s, "BBN-CDS", unit, ChannelKind.NEWS_SITE, "Báo Bắc Ninh – Chuyển đổi số", base + "/",
          "{\"feedUrl\":\"" + base + "/rss/chuyen-doi-so.rss\",\"listingUrl\":\"" + base + "/chuyen-doi-so\","
              + "\"articleLink\":\"a.font-tin-doc\"}");
      channel(s, "SKHCN-WEB", unit, ChannelKind.NEWS_SITE, "Sở KH&CN Bắc Ninh", base + "/",
          "{\"sitemapUrl\":\"" + base + "/sitemap.xml\"}");
      channel(s, "HON-HOP", unit, ChannelKind.NEWS_SITE, "Trang tin hỗn hợp", base + "/",
          "{\"feedUrl\":[\"" + base + "/rss/loi.rss\",\"" + base + "/rss/xxe.rss\",\"" + base + "/rss/hon-hop.rss\"]}");
      channel(s, "CHAM", unit, ChannelKind.NEWS_SITE, "Trang không trả lời", base + "/",
          "{\"feedUrl\":\"" + base + "/rss/cham.rss\"}");
      channel(s, "GIOI-HAN", unit, ChannelKind.NEWS_SITE, "Trang giới hạn truy cập", base + "/",
          "{\"feedUrl\":\"" + base + "/rss/gioi-han.rss\"}");
      channel(s, "TD-BANNER", xa, ChannelKind.WEB_PAGE, "Cổng TTĐT xã Tiên Du", base + "/trang-chu-xa",
          "{\"watchText\":\"Ngày Chuyển đổi số quốc gia\",\"watchSelector\":\"img[alt*='Chuyển đổi số']\","
              + "\"watchFrom\":\"15/11/2026\",\"watchTo\":\"25/11/2026\"}");
      channel(s, "TD-BANNER-2", xa, ChannelKind.WEB_PAGE, "Cổng TTĐT xã Tiên Du (trang 2)", base + "/trang-chu-xa-khac",
          "{\"watchText\":\"Ngày Chuyển đổi số quốc gia\",\"watchFrom\":\"15/11/2026\",\"watchTo\":\"25/11/2026\"}");
      channel(s, "TD-BANNER-10", xa, ChannelKind.WEB_PAGE, "Cổng TTĐT xã Tiên Du (10/10)", base + "/trang-chu-xa",
          "{\"watchText\":\"Ngày Chuyển đổi số quốc gia\",\"watchFrom\":\"01/10/2026\",\"watchTo\":\"10/10/2026\"}");
    });
  }

  private static void channel(Session s, String code, Unit unit, ChannelKind kind, String name, String url, String options) {
    Channel c = new Channel(code, unit, kind, name, url, Instant.parse("2026-11-01T00:00:00Z"));
    c.setOptionsJson(options);
    s.persist(c);
  }

  /** Quick HTTP settings for the stub server, which runs on loopback and so needs an explicit allowance. */
  public static Map<String, String> fastHttp() {
    return Map.of("http.perHostDelayMs", "0", "http.timeoutSeconds", "2", "http.maxRetries", "1",
        "http.allowHosts", "localhost");
  }
}
