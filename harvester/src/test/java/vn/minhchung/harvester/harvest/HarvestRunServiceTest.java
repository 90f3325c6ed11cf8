package vn.minhchung.harvester.harvest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.web.Fixtures;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;

class HarvestRunServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  @TempDir Path dir;
  private WireMockServer server;
  private Database db;
  private DatabaseTarget target;
  private HarvestRunService service;
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    NewsSiteStubs.install(server);
  }

  private void open(DatabaseTarget t) {
    target = t;
    db = TestDatabases.open(t);
    Settings settings = Settings.of(dir, NewsSiteStubs.fastHttp());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Sleeper noWait = d -> { };
    PoliteFetcher polite = new PoliteFetcher(new HttpFetcher(settings, noWait, clock), settings, noWait, clock);
    RunListener listener = (summary, options, ids) -> heard.add(summary.channelCode() + ":" + ids.size());
    service = new HarvestRunService(db, settings, clock, new BlobStore(dir.resolve("blobs")),
        List.of(new NewsSiteConnector(polite), new PageWatchConnector(polite)), List.of(listener));
    NewsSiteStubs.channels(db, server.baseUrl(), NOW);
  }

  @AfterEach
  void stop() {
    server.stop();
    if (db != null) {
      db.close();
      TestDatabases.drop(target);
    }
  }

  private List<Post> posts(String channel) {
    return db.inTransaction(s -> s.createQuery("from Post p where p.channel.code = :c order by p.platformId", Post.class)
        .setParameter("c", channel).getResultList());
  }

  private long count(String entity) {
    return db.inTransaction(s -> s.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult());
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void harvestsAPaperFromRssAndListingWithDatesViewsAndEvidence(DatabaseTarget t) {
    open(t);
    RunSummary r = service.harvest("BBN-CDS", RunOptions.manual(false));
    assertThat(r.status()).isEqualTo(HarvestRun.Status.SUCCESS);
    assertThat(r.newPosts()).isEqualTo(3);
    assertThat(r.snapshots()).isEqualTo(3);
    assertThat(r.failedItems()).isZero();
    String base = server.baseUrl();
    List<Post> posts = posts("BBN-CDS");
    assertThat(posts).extracting(Post::getPlatformId).containsExactly(base + NewsSiteStubs.A431102,
        base + NewsSiteStubs.A430877, base + NewsSiteStubs.A431050);
    Post first = posts.get(0);
    assertThat(first.getKind()).isEqualTo("article");
    assertThat(first.getTitle()).isEqualTo("Bắc Ninh triển khai Luật Chuyển đổi số đến từng xã, phường");
    assertThat(VietnameseDates.isoLocal(first.getPostedAt())).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(first.getUrl()).isEqualTo(base + NewsSiteStubs.A431102 + "?utm_source=rss&utm_medium=feed");
    assertThat(first.getSearchText()).contains("chuyen doi so");
    assertThat(VietnameseDates.isoLocal(posts.get(2).getPostedAt())).isEqualTo("2026-11-18T16:45:00+07:00");
    assertThat(posts.get(2).getPostedAtText()).isEqualTo("Thứ Tư, 18/11/2026 - 16:45");
    List<Long> views = db.inTransaction(s -> s.createQuery(
        "select m.views from MetricSnapshot m order by m.post.platformId", Long.class).getResultList());
    assertThat(views).containsExactly(1234L, 87L, 2500L);
    List<Evidence> evidence = db.inTransaction(s -> s.createQuery("from Evidence e join fetch e.unit", Evidence.class)
        .getResultList());
    assertThat(evidence).hasSize(3).allSatisfy(e -> {
      assertThat(e.getComponent()).isEqualTo(1);
      assertThat(e.getStatus()).isEqualTo("pending");
      assertThat(e.getSource()).isEqualTo("harvested");
      assertThat(e.getUnit().getCode()).isEqualTo("BBN");
    });
    // The listing stops at page 2: its only article is older than the window.
    server.verify(0, getRequestedFor(urlEqualTo("/chuyen-doi-so?page=3")));
    server.verify(1, getRequestedFor(urlPathEqualTo(NewsSiteStubs.A401200)));
    assertThat(heard).containsExactly("BBN-CDS:3");
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aSecondRunCreatesNoDuplicatesAndSnapshotsOnlyChangedCounts(DatabaseTarget t) {
    open(t);
    service.harvest("BBN-CDS", RunOptions.manual(false));
    RunSummary again = service.harvest("BBN-CDS", RunOptions.manual(false));
    assertThat(again.status()).isEqualTo(HarvestRun.Status.SUCCESS);
    assertThat(again.newPosts()).isZero();
    assertThat(again.updatedPosts()).isZero();
    assertThat(again.snapshots()).isZero();
    assertThat(count("Post")).isEqualTo(3);
    assertThat(count("Evidence")).isEqualTo(3);
    assertThat(count("MetricSnapshot")).isEqualTo(3);

    server.stubFor(get(urlPathEqualTo(NewsSiteStubs.A431102)).willReturn(aResponse().withStatus(200)
        .withBody(Fixtures.text("baobacninh-article-431102-2026-11-19.html", server.baseUrl())
            .replace("Lượt xem: 1.234", "Lượt xem: 1.300").getBytes(StandardCharsets.UTF_8))));
    RunSummary third = service.harvest("BBN-CDS", RunOptions.manual(false));
    assertThat(third.updatedPosts()).isEqualTo(1);
    assertThat(third.snapshots()).isEqualTo(1);
    assertThat(count("Post")).isEqualTo(3);
    assertThat(count("MetricSnapshot")).isEqualTo(4);
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aStoredArticleIsRefreshedConditionallyAndA304ChangesNothing(DatabaseTarget t) {
    open(t);
    byte[] page = Fixtures.text("baobacninh-article-431102-2026-11-19.html", server.baseUrl())
        .getBytes(StandardCharsets.UTF_8);
    server.stubFor(get(urlPathEqualTo(NewsSiteStubs.A431102)).withHeader("If-None-Match", absent())
        .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"431102-v1\"").withBody(page)));
    server.stubFor(get(urlPathEqualTo(NewsSiteStubs.A431102)).withHeader("If-None-Match", equalTo("\"431102-v1\""))
        .willReturn(aResponse().withStatus(304)));
    service.harvest("BBN-CDS", RunOptions.manual(false));
    RunSummary again = service.harvest("BBN-CDS", RunOptions.manual(false));
    assertThat(again.status()).isEqualTo(HarvestRun.Status.SUCCESS);
    assertThat(again.updatedPosts()).isZero();
    assertThat(again.failedItems()).isZero();
    assertThat(count("Post")).isEqualTo(3);
    server.verify(1, getRequestedFor(urlPathEqualTo(NewsSiteStubs.A431102))
        .withHeader("If-None-Match", equalTo("\"431102-v1\"")));
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void readsAPortalThroughItsSitemapIndexAndObeysRobotsTxt(DatabaseTarget t) {
    open(t);
    RunSummary r = service.harvest("SKHCN-WEB", RunOptions.manual(false));
    assertThat(r.status()).isEqualTo(HarvestRun.Status.PARTIAL);
    List<Post> posts = posts("SKHCN-WEB");
    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.getTitle()).isEqualTo("Hội nghị tuyên truyền Luật Chuyển đổi số năm 2026");
      assertThat(VietnameseDates.isoLocal(p.getPostedAt())).isEqualTo("2026-11-19T14:20:00+07:00");
      assertThat(p.getPostedAtText()).isEqualTo("Ngày đăng: 19/11/2026 14:20");
    });
    assertThat(problems(r.runId())).containsExactly("robots_disallowed " + server.baseUrl() + "/noi-bo/danh-sach-can-bo.html");
    server.verify(0, getRequestedFor(urlEqualTo("/noi-bo/danh-sach-can-bo.html")));
    server.verify(0, getRequestedFor(urlEqualTo("/tin-tuc/chuyen-doi-so/thong-bao-cu.html")));
  }

  private List<String> problems(long runId) {
    return db.inTransaction(s -> s.createQuery("from RunProblem p where p.run.id = :r order by p.id", RunProblem.class)
        .setParameter("r", runId).getResultList().stream().map(p -> p.getReasonCode() + " " + p.getUrl()).toList());
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void recordsAReasonForEveryBadInputAndGoesOn(DatabaseTarget t) {
    open(t);
    RunSummary r = service.harvest("HON-HOP", RunOptions.manual(false));
    assertThat(r.status()).isEqualTo(HarvestRun.Status.PARTIAL);
    String base = server.baseUrl();
    assertThat(problems(r.runId())).containsExactlyInAnyOrder(
        "feed_not_readable " + base + "/rss/loi.rss",
        "feed_not_readable " + base + "/rss/xxe.rss",
        "no_date " + base + "/kinh-bac-tro-ly-ao.html",
        "future_date " + base + "/lich-phat-song.html",
        "redirect_loop " + base + "/vong-a",
        "too_large " + base + "/rat-lon.html",
        "robots_disallowed " + base + "/noi-bo/danh-sach-can-bo.html");
    Map<String, Post> byUrl = posts("HON-HOP").stream().collect(Collectors.toMap(Post::getUrl, p -> p));
    assertThat(byUrl).containsOnlyKeys(base + "/kinh-bac-tro-ly-ao.html", base + "/lich-phat-song.html",
        base + "/tin-van.html", base + "/luong-tai.html", base + "/chap-chon.html");
    Post noDate = byUrl.get(base + "/kinh-bac-tro-ly-ao.html");
    assertThat(noDate.getPostedAt()).isNull();
    assertThat(noDate.getFlags()).isEqualTo("no_date");
    assertThat(byUrl.get(base + "/lich-phat-song.html").getFlags()).isEqualTo("future_date");
    assertThat(byUrl.get(base + "/luong-tai.html").getTitle()).isEqualTo("Huyện Lương Tài đẩy mạnh chuyển đổi số");
    assertThat(VietnameseDates.isoLocal(byUrl.get(base + "/chap-chon.html").getPostedAt()))
        .isEqualTo("2026-11-19T14:20:00+07:00");
    assertThat(byUrl.get(base + "/tin-van.html").getTitle()).startsWith("Tin vắn: Bắc Ninh đạt 92%");
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void oneFailingChannelNeverStopsTheOthers(DatabaseTarget t) {
    open(t);
    List<RunSummary> runs = service.harvestAll(RunOptions.manual(false));
    Map<String, RunSummary> byCode = runs.stream().collect(Collectors.toMap(RunSummary::channelCode, r -> r));
    assertThat(byCode).containsOnlyKeys("BBN-CDS", "SKHCN-WEB", "HON-HOP", "CHAM", "GIOI-HAN", "TD-BANNER",
        "TD-BANNER-2", "TD-BANNER-10");
    assertThat(byCode.get("CHAM").status()).isEqualTo(HarvestRun.Status.FAILED);
    assertThat(byCode.get("CHAM").failureKind()).hasValue(ConnectorException.Kind.TRANSIENT);
    assertThat(byCode.get("CHAM").error()).startsWith("transient: không tải được nguồn bài viết nào của kênh CHAM")
        .contains("http.timeoutSeconds");
    assertThat(byCode.get("GIOI-HAN").status()).isEqualTo(HarvestRun.Status.FAILED);
    assertThat(byCode.get("GIOI-HAN").failureKind()).hasValue(ConnectorException.Kind.RATE_LIMITED);
    assertThat(byCode.get("GIOI-HAN").retryAfter()).hasValue(NOW.plusSeconds(3600));
    assertThat(byCode.get("BBN-CDS").status()).isEqualTo(HarvestRun.Status.SUCCESS);
    assertThat(byCode.get("TD-BANNER").status()).isEqualTo(HarvestRun.Status.SUCCESS);
    assertThat(byCode.get("TD-BANNER-10").status()).isEqualTo(HarvestRun.Status.SKIPPED);
    assertThat(byCode.get("TD-BANNER-10").error()).isEqualTo("ngoài thời gian theo dõi 01/10/2026–10/10/2026 (hôm nay 20/11/2026)");
    String stored = db.inTransaction(s -> s.createQuery("select r.error from HarvestRun r where r.id = :id", String.class)
        .setParameter("id", byCode.get("CHAM").runId()).getSingleResult());
    assertThat(stored).isEqualTo(byCode.get("CHAM").error());
    assertThat(heard).hasSize(8);
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aPageWatchRecordsTheBannerWithTheHtmlAsEvidence(DatabaseTarget t) {
    open(t);
    assertThat(service.harvest("TD-BANNER", RunOptions.manual(false)).newPosts()).isEqualTo(1);
    Post shown = posts("TD-BANNER").get(0);
    assertThat(shown.getPlatformId()).isEqualTo("watch:2026-11-20");
    assertThat(shown.getKind()).isEqualTo("page_watch");
    assertThat(shown.getFlags()).isNull();
    assertThat(VietnameseDates.isoLocal(shown.getPostedAt())).isEqualTo("2026-11-20T10:00:00+07:00");
    assertThat(shown.getTitle()).startsWith("Cổng TTĐT xã Tiên Du – 20/11/2026: có ");
    Evidence e = db.inTransaction(s -> s.createQuery("from Evidence e where e.post.id = :p", Evidence.class)
        .setParameter("p", shown.getId()).getSingleResult());
    assertThat(e.getComponent()).isEqualTo(5);
    assertThat(e.getBlobSha()).hasSize(64);
    assertThat(e.getMediaType()).isEqualTo("text/html");
    assertThat(new String(new BlobStore(dir.resolve("blobs")).read(e.getBlobSha()), StandardCharsets.UTF_8))
        .contains("Hưởng ứng Ngày Chuyển đổi số quốc gia");
    assertThat(count("BlobRecord")).isEqualTo(1);

    service.harvest("TD-BANNER-2", RunOptions.manual(false));
    assertThat(posts("TD-BANNER-2").get(0).getFlags()).isEqualTo("watch_absent");
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void anUnknownChannelCodeIsAnError(DatabaseTarget t) {
    open(t);
    assertThatThrownBy(() -> service.harvest("KHONG-CO", RunOptions.manual(false)))
        .isInstanceOf(NoSuchChannelException.class).hasMessageContaining("KHONG-CO");
  }
}
