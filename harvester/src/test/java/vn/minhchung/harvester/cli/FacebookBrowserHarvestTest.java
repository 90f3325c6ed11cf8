package vn.minhchung.harvester.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.harvester.schedule.alert.AlertService;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * Fanpages read through the browser (no token) from local stand-ins of public Facebook pages, by the real Chromium,
 * with the real database: a logged-out timeline that grows while scrolled, a logged-in one read with a saved
 * session, and the walls that end a run {@code blocked}. Also the sample registry without any token or key.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class FacebookBrowserHarvestTest {
  static final Instant NOW = Instant.parse("2026-04-20T03:00:00Z");
  static final Path SAMPLE = Path.of("../config/examples/bac-ninh.yaml").toAbsolutePath().normalize();
  static final String UC = "UCq8vB2xY7nL0kR3sT5uW9zA";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path data;

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("HARVESTER_PLATFORMS_FACEBOOK_PAGE_BASE_URL", wm.baseUrl());
    env.put("HARVESTER_PLATFORMS_FACEBOOK_PAGE_GAP_SECONDS", "1");
    env.put("HARVESTER_PLATFORMS_FACEBOOK_BROWSER_BUDGET_SECONDS", "90");
    env.put("HARVESTER_PLATFORMS_FACEBOOK_GRAPH_BASE_URL", wm.baseUrl());
    env.put("HARVESTER_PLATFORMS_YOUTUBE_PAGE_BASE_URL", wm.baseUrl());
    env.put("HARVESTER_PLATFORMS_YOUTUBE_FEED_BASE_URL", wm.baseUrl() + "/feeds/videos.xml");
    env.put("HARVESTER_PLATFORMS_YOUTUBE_WATCH_BASE_URL", wm.baseUrl() + "/watch");
    env.put("HARVESTER_PLATFORMS_YOUTUBE_API_BASE_URL", wm.baseUrl() + "/youtube/v3");
    env.put("HARVESTER_BROWSER_CONCURRENCY", "2");
    env.put("HARVESTER_BROWSER_CAPTURE_TIMEOUT_SECONDS", "30");
    env.put("HARVESTER_HTTP_PER_HOST_DELAY_MS", "0");
    return env;
  }

  static void html(String path, String body) {
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
  }

  static void redirect(String path, String to) {
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
  }

  /** The logged-out timeline at {@code /<name>}: six posts, then two more batches while scrolled. */
  static void timeline(String name) {
    html("/" + name, fixture("fbpage/timeline-logged-out-2026-04-20.html"));
    wm.stubFor(get(urlPathEqualTo("/" + name + "/timeline_more")).withQueryParam("cursor", equalTo("2"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withHeader("X-Next-Cursor", "3")
            .withBody(fixture("fbpage/timeline-more-2-2026-04-20.html"))));
    wm.stubFor(get(urlPathEqualTo("/" + name + "/timeline_more")).withQueryParam("cursor", equalTo("3"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(fixture("fbpage/timeline-more-3-2026-04-20.html"))));
  }

  static void youtubeStandIn() {
    html("/@thongtindoingoaibacninh", fixture("youtube/channel-page-2026-04-20.html"));
    wm.stubFor(get(urlPathEqualTo("/feeds/videos.xml")).withQueryParam("channel_id", equalTo(UC))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml; charset=UTF-8")
            .withBody(fixture("youtube/feed-2026-04-20.xml"))));
    String watch = fixture("youtube/watch-dQ7vN2kLm0A-2026-04-20.html");
    wm.stubFor(get(urlPathEqualTo("/watch")).withQueryParam("v", equalTo("dQ7vN2kLm0A"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(watch)));
    wm.stubFor(get(urlPathEqualTo("/watch")).withQueryParam("v", equalTo("Sh0rTs12345"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(watch.replace("dQ7vN2kLm0A", "Sh0rTs12345"))));
  }

  AppContext context() {
    return new AppContext(data, data.resolve("harvester.yaml"), false, env(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static void channel(AppContext ctx, String code, String url, String optionsJson) {
    ctx.database().runInTransaction(s -> {
      Unit u = s.createQuery("from Unit u where u.code = 'SKHCN'", Unit.class).uniqueResult();
      if (u == null) {
        u = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
        s.persist(u);
      }
      Channel c = new Channel(code, u, ChannelKind.FACEBOOK_PAGE, "Fanpage " + code, url, NOW);
      c.setOptionsJson(optionsJson);
      s.persist(c);
    });
  }

  /** The platform's saved session, imported as a centre does ({@code session import facebook FILE}). */
  void savedSession(String code) throws Exception {
    Path file = Path.of(getClass().getResource("/fixtures/sessions/facebook-storage-state-2026-11-20.json").toURI());
    CliRun imported = CliRun.run(data, env(), Clock.fixed(NOW, ZoneOffset.UTC), "session", "import", "facebook",
        file.toString());
    assertThat(imported.exitCode()).as(code + ": " + imported.err()).isZero();
  }

  List<Post> posts(AppContext ctx, String code) {
    return ctx.database().inTransaction(s -> s.createQuery("from Post p where p.channel.code = :c order by p.postedAt desc",
        Post.class).setParameter("c", code).getResultList());
  }

  MetricSnapshot snapshot(AppContext ctx, String code, String platformId) {
    return ctx.database().inTransaction(s -> s.createQuery("from MetricSnapshot m where m.post.channel.code = :c"
        + " and m.post.platformId = :p", MetricSnapshot.class).setParameter("c", code).setParameter("p", platformId)
        .getSingleResult());
  }

  @Test
  void sampleRegistryWithoutAnyTokenOrKeyHarvestsTheFanpageAndTheYouTubeChannelThroughTheirPublicPages()
      throws Exception {
    timeline("truyenthongtinhbacninh");
    youtubeStandIn();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CliRun imported = CliRun.run(data, env(), clock, "registry", "import", SAMPLE.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CliRun fb = CliRun.run(data, env(), clock, "harvest", "--channel", "FB-TTBN", "--no-capture", "--json");
    CliRun yt = CliRun.run(data, env(), clock, "harvest", "--channel", "YT-TTDN-BN", "--no-capture", "--json");

    assertThat(fb.exitCode()).as(fb.err() + fb.out()).isZero();
    assertThat(JSON.readTree(fb.out()).get(0).path("status").asText()).as(fb.out()).isEqualTo("success");
    assertThat(JSON.readTree(yt.out()).get(0).path("status").asText()).as(yt.out()).isEqualTo("success");
    try (AppContext ctx = context()) {
      List<Post> fanpage = posts(ctx, "FB-TTBN");
      assertThat(fanpage).as("nine posts in the 30-day window; 12/3 and 28/2 are older").hasSize(9);
      Post newest = fanpage.get(0);
      assertThat(newest.getPlatformId()).isEqualTo("pfbid02Xk7Lm9QwErTyUiOpAsDfGhJkL1");
      assertThat(newest.getPostedAtText()).isEqualTo("5 giờ");
      assertThat(newest.getPostedAt()).as("5 giờ before 10:00 +07").isEqualTo(Instant.parse("2026-04-19T22:00:00Z"));
      assertThat(newest.getUrl()).isEqualTo(wm.baseUrl() + "/truyenthongtinhbacninh/posts/pfbid02Xk7Lm9QwErTyUiOpAsDfGhJkL1");
      assertThat(newest.getBody()).startsWith("Bắc Ninh triển khai tài khoản định danh điện tử mức 2");
      MetricSnapshot counts = snapshot(ctx, "FB-TTBN", "pfbid02Xk7Lm9QwErTyUiOpAsDfGhJkL1");
      assertThat(counts.getReactions()).as("1,2K as shown").isEqualTo(1200L);
      assertThat(counts.getReactionsMax()).isEqualTo(1299L);
      assertThat(counts.getComments()).isEqualTo(86L);
      assertThat(counts.getCommentsMax()).as("exact").isNull();
      assertThat(counts.getShares()).isEqualTo(41L);
      Map<String, Post> byId = new HashMap<>();
      fanpage.forEach(p -> byId.put(p.getPlatformId(), p));
      assertThat(byId.get("pfbid0Tq3Wz8Rb5Nc2Vx7Mk4Lp9Hs6Gd1Fa").getPostedAt())
          .as("Hôm qua lúc 19:05").isEqualTo(Instant.parse("2026-04-19T12:05:00Z"));
      assertThat(byId.get("pfbid0Mn8Bv2Cx5Zl1Kj4Hg7Fd3Sa6Qw9Er").getPostedAt())
          .as("data-utime").isEqualTo(Instant.ofEpochSecond(1776391200L));
      Post video = byId.get("1187345029384756");
      assertThat(video.getKind()).isEqualTo("video");
      assertThat(snapshot(ctx, "FB-TTBN", "1187345029384756").getViewsMax()).isEqualTo(2599L);
      assertThat(byId).containsKey("pfbid0Hr5Ty8Ui2Op4As7Df1Gh3Jk6Lz9Xc").containsKey("pfbid0Lk9Jh6Gf3Ds1Ap4Ow7Ie2Ur5Yt8Tr");

      List<Post> videos = posts(ctx, "YT-TTDN-BN");
      assertThat(videos).extracting(Post::getPlatformId).containsExactlyInAnyOrder("dQ7vN2kLm0A", "Sh0rTs12345");
      assertThat(videos).allSatisfy(v -> {
        assertThat(v.getDurationSeconds()).isEqualTo(452);
        assertThat(v.getPostedAt()).isNotNull();
      });
      assertThat(snapshot(ctx, "YT-TTDN-BN", "dQ7vN2kLm0A").getViews()).isEqualTo(15310L);
    }
    wm.verify(0, anyRequestedFor(urlPathMatching("/youtube/v3/.*")));
    wm.verify(0, anyRequestedFor(urlPathMatching("/v[0-9.]+/.*")));
  }

  @Test
  void loggedInTimelineIsReadWithTheSavedSessionAndItsPostsAreCapturedShowingTheCountsAsShown() throws Exception {
    html("/sokhcnbacninh", fixture("fbpage/timeline-logged-in-2026-04-20.html"));
    html("/sokhcnbacninh/posts/pfbid0Kh2Cn5Bn8Qt1Vx4Zs7Wd3Ef6Rg9Ty", fixture("fbpage/post-ai-2026-04-20.html"));
    html("/sokhcnbacninh/posts/pfbid0Hq7Pl3Ok9Ij5Uh1Yg6Tf2Rd8Es4Wa", fixture("fbpage/post-tuyen-chon-2026-04-20.html"));
    savedSession("FB-SKHCN");
    try (AppContext ctx = context(); Harvesting h = Harvesting.wire(ctx)) {
      channel(ctx, "FB-SKHCN", "https://www.facebook.com/sokhcnbacninh", "{\"via\":\"browser\"}");

      RunSummary run = h.service().harvest("FB-SKHCN", RunOptions.manual(true));

      assertThat(run.status()).as(run.error()).isEqualTo(HarvestRun.Status.SUCCESS);
      assertThat(run.newPosts()).isEqualTo(2);
      assertThat(run.captures()).isEqualTo(2);
      List<Capture> captures = ctx.database().inTransaction(s -> s.createQuery(
          "from Capture c join fetch c.post order by c.id", Capture.class).getResultList());
      assertThat(captures).allSatisfy(c -> assertThat(c.getStatus()).as(c.getStatusDetail())
          .isEqualTo(CaptureStatus.OK.code()));
      Capture ai = captures.stream().filter(c -> c.getPost().getPlatformId().equals("pfbid0Kh2Cn5Bn8Qt1Vx4Zs7Wd3Ef6Rg9Ty"))
          .findFirst().orElseThrow();
      JsonNode json = JSON.readTree(ctx.blobs().read(ai.getJsonSha()));
      assertThat(json.path("counts").path("reactions").asText()).as("the precision the page showed").isEqualTo("1,2K");
      assertThat(json.path("counts").path("comments").asText()).isEqualTo("45");
      MetricSnapshot m = snapshot(ctx, "FB-SKHCN", "pfbid0Kh2Cn5Bn8Qt1Vx4Zs7Wd3Ef6Rg9Ty");
      assertThat(m.getReactions()).isEqualTo(1200L);
      assertThat(m.getReactionsMax()).isEqualTo(1299L);
      assertThat(posts(ctx, "FB-SKHCN").get(0).getPostedAt()).as("2 giờ").isEqualTo(Instant.parse("2026-04-20T01:00:00Z"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "login wall pop-up         | /xatanhong  | wall      | false | trang yêu cầu đăng nhập",
      "redirect to /login        | /xaphuclam  | login     | false | trang yêu cầu đăng nhập",
      "checkpoint                | /xadongtien | checkpoint| false | checkpoint",
      "captcha                   | /xahoaan    | captcha   | false | captcha",
      "content not available     | /xanamson   | unavailable | false | nội dung không khả dụng",
      "saved session has expired | /xayenphong | timeline  | true  | phiên đăng nhập hết hạn",
  })
  void aWallEndsTheRunBlockedWithAnAlertAndFilesNothing(String name, String path, String page, boolean session,
      String reason) throws Exception {
    switch (page) {
      case "wall" -> html(path, fixture("capture/login-wall-2026-11-20.html"));
      case "login" -> {
        redirect(path, "/login/?next=" + wm.baseUrl() + path);
        html("/login/", fixture("capture/facebook-login-2026-11-20.html"));
      }
      case "checkpoint" -> {
        redirect(path, "/checkpoint/1501092823525282/?next=" + wm.baseUrl() + path);
        html("/checkpoint/1501092823525282/", fixture("fbpage/checkpoint-2026-04-20.html"));
      }
      case "captcha" -> html(path, fixture("fbpage/captcha-2026-04-20.html"));
      case "unavailable" -> html(path, fixture("capture/unavailable-2026-11-20.html"));
      default -> timeline(path.substring(1));
    }
    String code = "FB-" + path.substring(1).toUpperCase(java.util.Locale.ROOT);
    if (session) {
      savedSession(code);
    }
    try (AppContext ctx = context(); Harvesting h = Harvesting.wire(ctx)) {
      channel(ctx, code, "https://www.facebook.com" + path, null);

      RunSummary run = h.service().harvest(code, RunOptions.manual(true));
      AlertService alerts = AlertService.fromSettings(ctx.database(), ctx.settings(), ctx.clock());
      alerts.recordRun(run.channelCode(), run.status(), run.failureKind(), run.error());

      assertThat(run.status()).as(run.error()).isEqualTo(HarvestRun.Status.BLOCKED);
      assertThat(run.failureKind()).contains(ConnectorException.Kind.BLOCKED);
      assertThat(run.error()).contains(reason);
      assertThat(run.newPosts()).isZero();
      assertThat(run.captures()).isZero();
      for (String entity : List.of("Post", "Evidence", "Capture", "MetricSnapshot")) {
        long n = ctx.database().inTransaction(s -> s.createSelectionQuery("select count(x) from " + entity + " x",
            Long.class).getSingleResult());
        assertThat(n).as("no " + entity + " is filed").isZero();
      }
      Alert alert = ctx.database().inTransaction(s -> s.createQuery("from Alert a where a.key = :k", Alert.class)
          .setParameter("k", "channel_blocked:" + code).getSingleResult());
      assertThat(alert.getStatus()).isEqualTo("open");
      assertThat(alert.getMessage()).contains(reason).contains("giãn ra");
      HarvestRun.Status stored = ctx.database().inTransaction(s -> s.get(HarvestRun.class, run.runId()).getStatus());
      assertThat(stored).isEqualTo(HarvestRun.Status.BLOCKED);
    }
  }

  @Test
  void viaApiNeverOpensThePageAndSaysTheChannelIsNotConnected() {
    timeline("sotuphapbacninh");
    try (AppContext ctx = context(); Harvesting h = Harvesting.wire(ctx)) {
      channel(ctx, "FB-STP", "https://www.facebook.com/sotuphapbacninh", "{\"via\":\"api\"}");

      RunSummary run = h.service().harvest("FB-STP", RunOptions.manual(true));

      assertThat(run.status()).isEqualTo(HarvestRun.Status.FAILED);
      assertThat(run.error()).contains("chưa kết nối tài khoản");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
