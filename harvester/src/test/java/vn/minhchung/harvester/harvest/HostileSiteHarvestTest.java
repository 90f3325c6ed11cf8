package vn.minhchung.harvester.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.FakeAccess;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.web.Fixtures;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.http.ValidatorStore;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * A hostile site on loopback, harvested for real into the embedded file database: its feed points at an internal
 * server, at the cloud metadata address and at a private address, two articles redirect to the internal server and
 * to a private address, its sitemap is a gzip bomb and one article is 9 MiB; as a Graph API it redirects the page's
 * posts, with the Page token, to another host. Only the site's and that other host's host:port are allowed.
 */
class HostileSiteHarvestTest {
  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  private static final int MAX_TEXT = 256 * 1024;
  /** What the run may add to a freshly migrated database: the kept 256 KiB of text and the rest of the run, not 9 MiB. */
  private static final long MAX_GROWTH_BYTES = 4L * 1024 * 1024;
  private static final String PAGE_ID = "104857392847561";
  private static final String TOKEN = "EAAGtokenCuaTrangLa2026";
  @TempDir Path dir;
  private WireMockServer site;
  private WireMockServer internal;
  private WireMockServer collector;
  private DatabaseTarget target;
  private Database db;
  private HarvestRunService service;

  @BeforeEach
  void start() {
    site = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    internal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    internal.start();
    collector = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    collector.start();
    collector.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"data\":[],\"paging\":{}}")));
    internal.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("mật khẩu quản trị")));
    String base = "http://127.0.0.1:" + site.port();
    String inside = "http://127.0.0.1:" + internal.port() + "/internal/admin";
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    site.stubFor(get("/rss.xml").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
        .withBody(feed(inside, "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://192.168.1.1/cgi-bin/luci", base + "/chuyen-huong.html", base + "/chuyen-huong-noi-bo.html",
            base + "/bai-rat-dai.html"))));
    site.stubFor(get("/chuyen-huong.html").willReturn(aResponse().withStatus(302)
        .withHeader("Location", inside + "?from=redirect")));
    site.stubFor(get("/chuyen-huong-noi-bo.html").willReturn(aResponse().withStatus(301)
        .withHeader("Location", "http://10.10.0.5/quan-tri/")));
    // As a Graph API: the page's posts move to another host, which must not receive the Page token.
    site.stubFor(get(urlPathEqualTo("/v26.0/" + PAGE_ID + "/published_posts")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.1:" + collector.port() + "/graph/published_posts?from=redirect")));
    site.stubFor(get("/bai-rat-dai.html").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(longArticle(9 * 1024 * 1024))));
    site.stubFor(get("/sitemap.xml.gz").willReturn(aResponse().withHeader("Content-Type", "application/x-gzip")
        .withBody(Fixtures.gzipBomb(64L * 1024 * 1024))));

    target = DatabaseTarget.embedded(dir.resolve("db"));
    db = Database.open(target);
    Settings settings = Settings.of(dir, Map.of("http.perHostDelayMs", "0", "http.timeoutSeconds", "5",
        "http.maxRetries", "1", "http.allowHosts", "127.0.0.1:" + site.port() + ",127.0.0.1:" + collector.port(),
        "platforms.facebook.graphBaseUrl", base, "platforms.facebook.accessToken", TOKEN));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Sleeper noWait = d -> { };
    HttpFetcher http = new HttpFetcher(settings, noWait, clock);
    PoliteFetcher polite = new PoliteFetcher(http, settings, noWait, clock, new ValidatorStore.InDatabase(db));
    FacebookConnector facebook = new FacebookConnector(http, new FacebookThrottle(noWait, clock,
        HttpFetcher.MAX_INLINE_WAIT), FakeAccess.none());
    service = new HarvestRunService(db, settings, clock, new BlobStore(dir.resolve("blobs")),
        List.of(facebook, new NewsSiteConnector(polite)), List.of());
    db.runInTransaction(s -> {
      Unit unit = new Unit("LA", "Trang lạ", NOW);
      s.persist(unit);
      Channel c = new Channel("LA-TIN", unit, ChannelKind.NEWS_SITE, "Trang tin lạ", base + "/", NOW);
      c.setOptionsJson("{\"feedUrl\":\"" + base + "/rss.xml\",\"sitemapUrl\":\"" + base + "/sitemap.xml.gz\"}");
      s.persist(c);
      Channel fb = new Channel("LA-FB", unit, ChannelKind.FACEBOOK_PAGE, "Trang Facebook lạ",
          "https://www.facebook.com/" + PAGE_ID, NOW);
      fb.setPlatformId(PAGE_ID);
      s.persist(fb);
    });
  }

  @AfterEach
  void stop() {
    site.stop();
    internal.stop();
    collector.stop();
    db.close();
  }

  @Test
  void nothingInternalIsFetchedNoTokenLeavesItsHostAndTheDatabaseStaysSmallAndOpens() throws Exception {
    RunSummary r = service.harvest("LA-TIN", RunOptions.manual(false));
    service.harvest("LA-FB", RunOptions.manual(false));

    assertThat(internal.getAllServeEvents()).as("requests that reached the internal server").isEmpty();
    assertThat(r.status()).isEqualTo(HarvestRun.Status.PARTIAL);
    List<RunProblem> problems = db.inTransaction(s -> s.createQuery(
        "from RunProblem p where p.run.id = :r order by p.id", RunProblem.class).setParameter("r", r.runId())
        .getResultList());
    assertThat(problems).extracting(p -> p.getReasonCode() + " " + p.getUrl()).containsExactlyInAnyOrder(
        "address_refused http://127.0.0.1:" + internal.port() + "/internal/admin",
        "address_refused http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "address_refused http://192.168.1.1/cgi-bin/luci",
        "address_refused http://127.0.0.1:" + site.port() + "/chuyen-huong.html",
        "address_refused http://127.0.0.1:" + site.port() + "/chuyen-huong-noi-bo.html",
        "sitemap_too_large http://127.0.0.1:" + site.port() + "/sitemap.xml.gz",
        "text_truncated http://127.0.0.1:" + site.port() + "/bai-rat-dai.html");
    assertThat(problems).filteredOn(p -> p.getReasonCode().equals("address_refused"))
        .allSatisfy(p -> assertThat(p.getMessage()).contains("http.allowHosts"));

    List<Post> posts = db.inTransaction(s -> s.createQuery("from Post p", Post.class).getResultList());
    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.getTitle()).isEqualTo("Bài rất dài về chuyển đổi số");
      assertThat(p.getFlags()).contains("text_truncated");
      long stored = p.getBody().getBytes(StandardCharsets.UTF_8).length
          + p.getTitle().getBytes(StandardCharsets.UTF_8).length
          + (p.getLead() == null ? 0 : p.getLead().getBytes(StandardCharsets.UTF_8).length);
      assertThat(stored).isBetween((long) MAX_TEXT - 8, (long) MAX_TEXT);
      assertThat(p.getSearchText().length()).isLessThanOrEqualTo(MAX_TEXT + 2);
    });

    // The Graph redirect was followed to the other host, without the Page token.
    assertThat(site.findAll(getRequestedFor(urlPathEqualTo("/v26.0/" + PAGE_ID + "/published_posts"))))
        .isNotEmpty().allSatisfy(q -> assertThat(q.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    List<LoggedRequest> offsite = collector.findAll(anyRequestedFor(anyUrl()));
    assertThat(offsite).as("requests the other host received").isNotEmpty().allSatisfy(q -> {
      assertThat(q.containsHeader("Authorization")).isFalse();
      assertThat(q.getUrl()).doesNotContain(TOKEN);
      assertThat(q.getHeaders().all()).allSatisfy(h -> assertThat(h.values()).noneMatch(v -> v.contains(TOKEN)));
    });

    // The database stays small (the 9 MiB article keeps 256 KiB of text, the bomb nothing) and opens again.
    db.close();
    long size = Files.size(dir.resolve("db").resolve("harvester.mv.db"));
    // The schema alone is a few MiB and grows with every migration; the run's own share is what is bounded.
    Path empty = dir.resolve("empty-db");
    Database.open(DatabaseTarget.embedded(empty)).close();
    long schema = Files.size(empty.resolve("harvester.mv.db"));
    assertThat(size - schema).as("H2 file growth over a freshly migrated database, bytes (schema alone: " + schema
        + ")").isLessThan(MAX_GROWTH_BYTES);
    db = Database.open(target);
    long reopenedPosts = db.inTransaction(s -> s.createSelectionQuery("select count(p) from Post p", Long.class)
        .getSingleResult());
    assertThat(reopenedPosts).as("posts after reopening").isEqualTo(1L);
  }

  private static String feed(String... links) {
    StringBuilder items = new StringBuilder();
    for (String link : links) {
      items.append("<item><title>Tin ").append(items.length()).append("</title><link>").append(link)
          .append("</link><pubDate>Thu, 19 Nov 2026 08:00:00 +0700</pubDate></item>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Trang tin lạ</title>"
        + "<link>http://127.0.0.1/</link><description>x</description>" + items + "</channel></rss>";
  }

  private static byte[] longArticle(int bytes) {
    String paragraph = "<p>Đoạn %d: chuyển đổi số là nhiệm vụ trọng tâm của tỉnh, của từng xã và người dân.</p>";
    StringBuilder html = new StringBuilder(bytes).append("<!DOCTYPE html><html lang=\"vi\"><head>"
        + "<meta charset=\"utf-8\"><title>Bài rất dài về chuyển đổi số</title>"
        + "<meta property=\"article:published_time\" content=\"2026-11-19T08:00:00+07:00\"></head><body><article>"
        + "<h1>Bài rất dài về chuyển đổi số</h1>");
    for (int i = 0; html.length() * 5L / 4 < bytes; i++) {
      html.append(String.format(Locale.ROOT, paragraph, i));
    }
    return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
  }
}
