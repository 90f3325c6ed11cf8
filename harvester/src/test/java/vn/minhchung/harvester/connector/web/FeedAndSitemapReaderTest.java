package vn.minhchung.harvester.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.jsoup.select.QueryParser;
import vn.minhchung.config.text.VietnameseDates;

class FeedAndSitemapReaderTest {
  private static final String BASE = "https://baobacninhtv.vn";
  private static final long LIMIT = 10L * 1024 * 1024;

  private static byte[] bytes(String fixture) {
    return Fixtures.text(fixture, BASE).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsRssItemsWithTheirDatesAndTitles() throws Exception {
    List<Candidate> items = FeedReader.read(bytes("baobacninh-rss-2026-11-20.xml"), URI.create(BASE + "/rss/cds.rss"));
    assertThat(items).hasSize(3);
    assertThat(items.get(0).url())
        .isEqualTo(BASE + "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg?utm_source=rss&utm_medium=feed");
    assertThat(items.get(0).key())
        .isEqualTo(BASE + "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg");
    assertThat(VietnameseDates.isoLocal(items.get(0).hintDate())).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(items.get(1).hintTitle()).isEqualTo("Tập huấn kỹ năng số cho cán bộ cấp xã");
  }

  @Test
  void aFeedThatIsAnHtmlPageIsABadDocumentNotACrash() {
    assertThatThrownBy(() -> FeedReader.read(bytes("not-xml-feed-2026-11-20.xml"), URI.create(BASE + "/rss")))
        .isInstanceOf(BadDocumentException.class)
        .satisfies(e -> assertThat(((BadDocumentException) e).reasonCode()).isEqualTo("feed_not_readable"))
        .hasMessageContaining(BASE + "/rss");
    assertThatThrownBy(() -> FeedReader.read(new byte[0], URI.create(BASE + "/rss")))
        .isInstanceOf(BadDocumentException.class);
  }

  @Test
  void refusesAFeedWithAnExternalEntity() {
    assertThatThrownBy(() -> FeedReader.read(bytes("xxe-feed-2026-11-20.xml"), URI.create(BASE + "/rss")))
        .isInstanceOf(BadDocumentException.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void readsASitemapIndexAndANewsSitemap() throws Exception {
    SitemapReader.Content index = SitemapReader.read(bytes("portal-sitemap-index-2026-11-20.xml"), "application/xml",
        URI.create(BASE + "/sitemap.xml"), LIMIT);
    assertThat(index.sitemaps()).containsExactly(BASE + "/sitemap-news.xml", BASE + "/sitemap-posts-2026-11.xml");
    assertThat(index.urls()).isEmpty();

    SitemapReader.Content news = SitemapReader.read(bytes("portal-sitemap-news-2026-11-20.xml"), "application/xml",
        URI.create(BASE + "/sitemap-news.xml"), LIMIT);
    assertThat(news.urls()).singleElement().satisfies(c -> {
      assertThat(c.url()).isEqualTo(BASE + "/tin-tuc/chuyen-doi-so/hoi-nghi-tuyen-truyen-luat-chuyen-doi-so-nam-2026.html");
      assertThat(VietnameseDates.isoLocal(c.hintDate())).isEqualTo("2026-11-19T14:20:00+07:00");
      assertThat(c.hintTitle()).isEqualTo("Hội nghị tuyên truyền Luật Chuyển đổi số năm 2026");
    });
  }

  @Test
  void aSitemapWithAnExternalEntityIsRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + BASE + "/&x;</loc></url></urlset>";
    assertThatThrownBy(() -> SitemapReader.read(xxe.getBytes(StandardCharsets.UTF_8), "application/xml",
        URI.create(BASE + "/sitemap.xml"), LIMIT)).isInstanceOf(BadDocumentException.class);
  }

  @Test
  void readsAGzippedSitemapWithinTheLimit() throws Exception {
    SitemapReader.Content index = SitemapReader.read(gzip(bytes("portal-sitemap-index-2026-11-20.xml")),
        "application/x-gzip", URI.create(BASE + "/sitemap.xml.gz"), LIMIT);
    assertThat(index.sitemaps()).containsExactly(BASE + "/sitemap-news.xml", BASE + "/sitemap-posts-2026-11.xml");
  }

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
    byte[] bomb = Fixtures.gzipBomb(64L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(200 * 1024);
    assertThatThrownBy(() -> SitemapReader.read(bomb, "application/gzip", URI.create(BASE + "/sitemap.xml.gz"),
        LIMIT)).isInstanceOfSatisfying(BadDocumentException.class,
            e -> assertThat(e.reasonCode()).isEqualTo("sitemap_too_large"))
        .hasMessageContaining("/sitemap.xml.gz").hasMessageContaining("http.maxBodyBytes");
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  @Test
  void readsListingLinksAndTheTrangSauLink() {
    ListingReader.Listing l = ListingReader.read(Fixtures.text("baobacninh-listing-p1-2026-11-20.html", BASE),
        URI.create(BASE + "/chuyen-doi-so"), QueryParser.parse("a.font-tin-doc"), null);
    assertThat(l.articles()).extracting(Candidate::key).containsExactly(
        BASE + "/bac-ninh-trien-khai-luat-chuyen-doi-so-den-tung-xa-phuong-postid431102.bbg",
        BASE + "/xa-dong-tien-so-hoa-ho-so-dia-chinh-postid431050.bbg");
    assertThat(l.next()).hasValue(BASE + "/chuyen-doi-so?page=2");
    assertThat(ListingReader.feeds(Fixtures.text("baobacninh-listing-p1-2026-11-20.html", BASE), URI.create(BASE + "/")))
        .containsExactly(BASE + "/rss/chuyen-doi-so.rss");
  }
}
