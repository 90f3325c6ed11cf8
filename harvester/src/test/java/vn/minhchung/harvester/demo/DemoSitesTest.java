package vn.minhchung.harvester.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.RunListener;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.spec.DurationSpecs;
import vn.minhchung.review.link.AutoLinker;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.harvester.account.DatabaseChannelAccess;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.RegistryImport;
import vn.minhchung.storage.registry.RegistryStore;

/**
 * The demo end to end without a browser: the sites on free ports, the demo registry imported into H2, every
 * channel harvested by the real connectors through the harvest-run service, twice.
 */
@Timeout(180)
class DemoSitesTest {
  /** 10:00 on Tuesday 01/12/2026 in Bắc Ninh. */
  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private DemoSites sites;
  private DatabaseTarget target;
  private Database db;
  private HarvestRunService service;
  private RegistryDocument registry;

  /** Stores a unit's grant for a demo channel, as 'credentials set' does after checking it. */
  void connect(SecretBox box, String code, String platform, String account, AccountSecrets secrets) {
    db.runInTransaction(s -> {
      long id = s.createSelectionQuery("select c.id from Channel c where c.code = :c", Long.class)
          .setParameter("c", code).getSingleResult();
      Accounts.store(s, box, new Accounts.Grant(platform, account, "token", secrets, null, null, null), List.of(id),
          clock.instant());
    });
  }

  @BeforeEach
  void start() throws Exception {
    sites = DemoSites.start(0, clock);
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    registry = RegistryFile.parse("demo.yaml", DemoRegistry.yaml(sites, LocalDate.of(2026, 12, 1))
        .getBytes(StandardCharsets.UTF_8), false, Set.of());
    new RegistryStore(db, clock).importDocument(registry, "demo");
    Settings settings = Settings.of(dir, known(sites.settingsOverrides()));
    Sleeper noWait = d -> { };
    HttpFetcher http = new HttpFetcher(settings, noWait, clock);
    PoliteFetcher polite = new PoliteFetcher(http, settings, noWait, clock);
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    connect(box, "FB-TTBN", "facebook", sites.facebookPageId(), new AccountSecrets(sites.facebookPageToken(), null));
    connect(box, "ZALO-CQSBN", "zalo", sites.zaloOaId(), new AccountSecrets(sites.zaloGrantedPair().get(0),
        sites.zaloGrantedPair().get(1)));
    DatabaseChannelAccess access = new DatabaseChannelAccess(db, box, clock);
    List<Connector> connectors = List.of(
        new FacebookConnector(http, new FacebookThrottle(noWait, clock, HttpFetcher.MAX_INLINE_WAIT), access),
        new ZaloConnector(http, new ZaloTokenStore(db, box, clock), access),
        new YouTubeConnector(http, polite, new YouTubeQuota.InDatabase(db), DurationSpecs.fromDatabase(db), access),
        new NewsSiteConnector(polite),
        new PageWatchConnector(polite));
    AutoLinker linker = AutoLinker.fromSettings(settings);
    RunListener autoLink = (summary, options, ids) -> {
      if (!ids.isEmpty()) {
        db.runInTransaction(s -> linker.linkPosts(s, ids, clock.instant()));
      }
    };
    service = new HarvestRunService(db, settings, clock, new BlobStore(dir.resolve("blobs")), connectors,
        List.of(autoLink));
  }

  @AfterEach
  void stop() {
    sites.close();
    db.close();
    TestDatabases.drop(target);
  }

  /** Keys this build's settings know (platforms.youtube.watchBaseUrl arrives with another branch). */
  private static Map<String, String> known(Map<String, String> overrides) {
    Set<String> keys = Settings.KEYS.stream().map(k -> k.key()).collect(Collectors.toSet());
    Map<String, String> out = new LinkedHashMap<>(overrides);
    out.keySet().retainAll(keys);
    return out;
  }

  private Map<String, RunSummary> harvestAll() {
    // The Fanpages read through the browser need Chromium: DemoCommandTest harvests them.
    db.runInTransaction(s -> s.createMutationQuery("update Channel c set c.active = false where c.code in (:codes)")
        .setParameter("codes", List.of(DemoRegistry.PUBLIC_FANPAGE, DemoRegistry.WALLED_FANPAGE)).executeUpdate());
    return service.harvestAll(RunOptions.manual(false)).stream()
        .collect(Collectors.toMap(RunSummary::channelCode, r -> r));
  }

  private List<Post> posts(String channel) {
    return db.inTransaction(s -> s.createQuery("from Post p where p.channel.code = :c order by p.postedAt desc",
        Post.class).setParameter("c", channel).getResultList());
  }

  private vn.minhchung.storage.evidence.Evidence evidenceOf(Post p) {
    return db.inTransaction(s -> s.createSelectionQuery("from Evidence e where e.post.id = :p",
        vn.minhchung.storage.evidence.Evidence.class).setParameter("p", p.getId()).uniqueResult());
  }

  private Post post(String channel, String platformId) {
    return db.inTransaction(s -> s.createQuery("from Post p where p.channel.code = :c and p.platformId = :p",
        Post.class).setParameter("c", channel).setParameter("p", platformId).getSingleResult());
  }

  private MetricSnapshot latest(Post p) {
    return db.inTransaction(s -> s.createQuery("from MetricSnapshot m where m.post.id = :id order by m.id desc",
        MetricSnapshot.class).setParameter("id", p.getId()).setMaxResults(1).getSingleResult());
  }

  private long count(String hql) {
    return db.inTransaction(s -> s.createQuery(hql, Long.class).getSingleResult());
  }

  @Test
  void harvestsEveryDemoChannelThroughTheRealConnectors() {
    Map<String, RunSummary> runs = harvestAll();
    assertThat(runs).containsOnlyKeys(DemoRegistry.FACEBOOK, DemoRegistry.ZALO, DemoRegistry.YOUTUBE,
        DemoRegistry.NEWSPAPER, DemoRegistry.PORTAL);
    runs.values().forEach(r -> assertThat(r.status()).as(r.channelCode() + ": " + r.error())
        .isEqualTo(HarvestRun.Status.SUCCESS));
    assertThat(runs.get(DemoRegistry.NEWSPAPER).newPosts()).isEqualTo(12);
    assertThat(runs.get(DemoRegistry.FACEBOOK).newPosts()).isEqualTo(10);
    assertThat(runs.get(DemoRegistry.ZALO).newPosts()).isEqualTo(7);
    assertThat(runs.get(DemoRegistry.YOUTUBE).newPosts()).isEqualTo(10);
    assertThat(runs.get(DemoRegistry.PORTAL).newPosts()).isEqualTo(1);

    String news = sites.newspaperUrl().toString();
    Post article = post(DemoRegistry.NEWSPAPER, news
        + "bac-ninh-trien-khai-ke-hoach-110-kh-ubnd-thi-hanh-luat-chuyen-doi-so-postid431204.bbg");
    assertThat(article.getTitle()).isEqualTo("Bắc Ninh triển khai Kế hoạch 110/KH-UBND thi hành Luật Chuyển đổi số");
    assertThat(VietnameseDates.isoLocal(article.getPostedAt())).isEqualTo("2026-11-07T08:30:00+07:00");
    assertThat(article.getPostedAtText()).isEqualTo("Thứ Bảy, 07/11/2026 08:30");
    assertThat(article.getSection()).isEqualTo("Chuyển đổi số");
    assertThat(latest(article).getViews()).isEqualTo(2840 + 866);

    Post fb = post(DemoRegistry.FACEBOOK, sites.facebookPageId() + "_1187465230912001");
    assertThat(VietnameseDates.isoLocal(fb.getPostedAt())).isEqualTo("2026-11-08T19:05:00+07:00");
    assertThat(fb.getUrl()).isEqualTo(sites.facebookUrl() + "fb/posts/" + sites.facebookPageId() + "_1187465230912001");
    assertThat(fb.getTitle()).isEqualTo("📢 TRIỂN KHAI LUẬT CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH");
    MetricSnapshot fbCounts = latest(fb);
    assertThat(List.of(fbCounts.getReactions(), fbCounts.getComments(), fbCounts.getShares()))
        .containsExactly(1380L + 325, 64L + 27, 212L + 54);
    assertThat(latest(post(DemoRegistry.FACEBOOK, sites.facebookPageId() + "_1187465230912005")).getShares())
        .isZero();

    Post zalo = post(DemoRegistry.ZALO, "a7c31e90b2d44f01");
    assertThat(VietnameseDates.isoLocal(zalo.getPostedAt())).isEqualTo("2026-11-09T09:00:00+07:00");
    assertThat(zalo.getUrl()).isEqualTo(sites.zaloUrl() + "oa/article/a7c31e90b2d44f01");
    assertThat(latest(zalo).getViews()).isEqualTo(5830 + 793);
    assertThat(post(DemoRegistry.ZALO, "b91d5f22c0e37a01").getKind()).isEqualTo("video");

    Post video = post(DemoRegistry.YOUTUBE, "bN7pS1kQ3xA");
    assertThat(VietnameseDates.isoLocal(video.getPostedAt())).isEqualTo("2026-11-10T19:00:00+07:00");
    assertThat(video.getDurationSeconds()).isEqualTo(7 * 60 + 12);
    assertThat(video.getFlags()).isNull();
    assertThat(latest(video).getViews()).isEqualTo(8450 + 990);
    assertThat(post(DemoRegistry.YOUTUBE, "bN7pT0vA2gK").getFlags()).isEqualTo("duration_out_of_spec");
    // The 3D infographic clip (3:10) is held to no 5–10-minute target: its kind is infographic_3d.
    assertThat(post(DemoRegistry.YOUTUBE, "bN7pI8tY0eH").getFlags()).isNull();
    assertThat(evidenceOf(post(DemoRegistry.YOUTUBE, "bN7pI8tY0eH")).getKind()).isEqualTo("infographic_3d");
    assertThat(posts(DemoRegistry.YOUTUBE).stream().filter(p -> p.getFlags() == null)).hasSize(8);
    Post fbVideo = post(DemoRegistry.FACEBOOK, sites.facebookPageId() + "_1187465230912006");
    assertThat(fbVideo.getKind()).as("a video attachment").isEqualTo("video");
    assertThat(fbVideo.getDurationSeconds()).as("Graph's length 151.7 s").isEqualTo(152);
    assertThat(evidenceOf(fbVideo).getKind()).isEqualTo("clip");
    assertThat(evidenceOf(post(DemoRegistry.FACEBOOK, sites.facebookPageId() + "_1187465230912003")).getKind())
        .as("the INFOGRAPHIC post").isEqualTo("infographic_2d");

    Post watch = post(DemoRegistry.PORTAL, "watch:2026-12-01");
    assertThat(watch.getKind()).isEqualTo("page_watch");
    assertThat(watch.getFlags()).isNull();
    assertThat(watch.getTitle()).contains("có ", "Ngày Chuyển đổi số quốc gia");

    assertThat(count("select count(l) from EvidenceLink l where l.state = 'suggested'")).isGreaterThanOrEqualTo(30);
    String platformId = news + "pho-cap-nang-luc-so-qua-nen-tang-binh-dan-hoc-vu-so-postid431412.bbg";
    List<String> items = db.inTransaction(s -> s.createQuery("select l.planItem.code from EvidenceLink l "
        + "where l.evidence.post.platformId = :p", String.class).setParameter("p", platformId).getResultList());
    assertThat(items).contains("II.4.1.a", "II.4.1.e");
  }

  @Test
  void aSecondHarvestFindsNoNewPostsButGrownCounts() {
    harvestAll();
    long snapshots = count("select count(m) from MetricSnapshot m");
    clock.advance(Duration.ofMinutes(1));
    Map<String, RunSummary> again = harvestAll();
    again.values().forEach(r -> {
      assertThat(r.status()).as(r.channelCode() + ": " + r.error()).isEqualTo(HarvestRun.Status.SUCCESS);
      assertThat(r.newPosts()).as(r.channelCode()).isZero();
    });
    for (String channel : List.of(DemoRegistry.NEWSPAPER, DemoRegistry.FACEBOOK, DemoRegistry.ZALO,
        DemoRegistry.YOUTUBE)) {
      assertThat(again.get(channel).snapshots()).as(channel).isEqualTo(posts(channel).size());
    }
    assertThat(count("select count(m) from MetricSnapshot m")).isEqualTo(snapshots + 12 + 10 + 7 + 10);
    Post fb = post(DemoRegistry.FACEBOOK, sites.facebookPageId() + "_1187465230912001");
    assertThat(latest(fb).getReactions()).isEqualTo(1380L + 325 + 6);
  }

  @Test
  void importingTheDemoRegistryAgainChangesNothing() {
    RegistryImport again = new RegistryStore(db, clock).importDocument(RegistryFile.parse("demo.yaml",
        DemoRegistry.yaml(sites, LocalDate.of(2026, 12, 1)).getBytes(StandardCharsets.UTF_8), false, Set.of()),
        "demo");
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.channels()).isEqualTo(7);
    assertThat(again.items()).isEqualTo(registry.itemCount());
  }

  /** A clock the test moves forward; the sites and the harvester share it. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
