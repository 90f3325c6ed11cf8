package vn.minhchung.harvester.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.capture.CaptureResult;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * A Facebook channel harvested from a local Graph API whose permalink points at a local post page, with
 * the capture of due posts wired as in production: real Chromium, real database, real blob store.
 */
class HarvestingBrowserTest {
  static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
  static final String CHANNEL = "HB-FB-STTTT";
  static final String POST_PATH = "/sotttthoabinh/posts/pfbid0Hn4Rk7TqW2";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path data;
  AppContext ctx;

  @BeforeEach
  void setUp() {
    wm.stubFor(get(urlPathEqualTo("/v26.0/sotttthoabinh/published_posts"))
        .willReturn(okJson(fixture("capture/graph-posts-2026-11-23.json", Map.of("BASE", wm.baseUrl())))));
    wm.stubFor(get(urlPathEqualTo(POST_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(fixture("capture/facebook-post-api-2026-11-23.html"))));
    Map<String, String> env = Map.of("HARVESTER_PLATFORMS_FACEBOOK_GRAPH_BASE_URL", wm.baseUrl(),
        "HARVESTER_PLATFORMS_FACEBOOK_ACCESS_TOKEN", "EAAGtestPageToken",
        "HARVESTER_BROWSER_CONCURRENCY", "2", "HARVESTER_BROWSER_CAPTURE_TIMEOUT_SECONDS", "20",
        "HARVESTER_HTTP_PER_HOST_DELAY_MS", "0");
    ctx = new AppContext(data, data.resolve("harvester.yaml"), false, env, Clock.fixed(NOW, ZoneOffset.UTC));
    ctx.database().runInTransaction(s -> {
      Unit u = new Unit("HB-STTTT", "Sở Thông tin và Truyền thông tỉnh Hòa Bình", NOW);
      s.persist(u);
      Channel c = new Channel(CHANNEL, u, ChannelKind.FACEBOOK_PAGE, "Fanpage Sở TT&TT Hòa Bình",
          "https://www.facebook.com/sotttthoabinh", NOW);
      c.setPlatformId("sotttthoabinh");
      s.persist(c);
    });
  }

  @AfterEach
  void tearDown() {
    ctx.close();
  }

  private List<Capture> captures() {
    return ctx.database().inTransaction(s -> s.createQuery(
        "from Capture c left join fetch c.run left join fetch c.post order by c.id", Capture.class).getResultList());
  }

  private Evidence evidence() {
    return ctx.database().inTransaction(s -> s.createQuery("from Evidence e left join fetch e.capture",
        Evidence.class).getSingleResult());
  }

  @Test
  void harvestCapturesTheNewPostOnceAndLinksItToItsEvidence() throws Exception {
    try (Harvesting h = Harvesting.wire(ctx)) {
      RunSummary first = h.service().harvest(CHANNEL, RunOptions.manual(true));

      assertThat(first.status()).isEqualTo(HarvestRun.Status.SUCCESS);
      assertThat(first.newPosts()).isEqualTo(1);
      assertThat(first.captures()).isEqualTo(1);
      List<Capture> captures = captures();
      assertThat(captures).hasSize(1);
      Capture c = captures.get(0);
      assertThat(c.getStatus()).as(c.getStatusDetail()).isEqualTo(CaptureStatus.OK.code());
      assertThat(c.getUrl()).isEqualTo(wm.baseUrl() + POST_PATH);
      assertThat(c.getRun().getId()).isEqualTo(first.runId());
      assertThat(c.getPost().getPlatformId()).isEqualTo("104857392847561_1029384756200001");
      assertThat(evidence().getCapture().getId()).isEqualTo(c.getId());
      int runCaptures = ctx.database().inTransaction(s -> s.get(HarvestRun.class, first.runId()).getCaptures());
      assertThat(runCaptures).isEqualTo(1);

      byte[] png = ctx.blobs().read(c.getScreenshotSha());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isGreaterThan(300);
      JsonNode json = new ObjectMapper().readTree(ctx.blobs().read(c.getJsonSha()));
      assertThat(json.path("postedAt").asText()).isEqualTo("2026-11-22T19:05+07:00");
      assertThat(json.path("counts").path("reactions").asText()).isEqualTo("1444");

      RunSummary second = h.service().harvest(CHANNEL, RunOptions.manual(true));
      assertThat(second.newPosts()).isZero();
      assertThat(second.captures()).isZero();
      assertThat(captures()).hasSize(1);
    }
  }

  @Test
  void noCaptureRunCapturesNothingAndCaptureAgainMakesTheNewCaptureTheLatest() {
    try (Harvesting h = Harvesting.wire(ctx)) {
      RunSummary run = h.service().harvest(CHANNEL, RunOptions.manual(false));
      assertThat(run.captures()).isZero();
      assertThat(captures()).isEmpty();
      long evidenceId = evidence().getId();

      CaptureResult again = h.captureAgain(evidenceId);

      assertThat(again.status()).as(again.detail()).isEqualTo(CaptureStatus.OK);
      assertThat(evidence().getCapture().getId()).isEqualTo(again.captureId());
      assertThat(captures()).singleElement().satisfies(c -> assertThat(c.getRun()).isNull());
    }
  }

  @Test
  void captureAgainRejectsUnknownAndUploadedEvidenceWithoutUrl() {
    long uploaded = ctx.database().inTransaction(s -> {
      Evidence e = new Evidence(3, "uploaded", "Quyết định ban hành kế hoạch chuyển đổi số năm 2026", NOW);
      s.persist(e);
      s.flush();
      return e.getId();
    });
    try (Harvesting h = Harvesting.wire(ctx)) {
      assertThatThrownBy(() -> h.captureAgain(999_999)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("không có minh chứng #999999");
      assertThatThrownBy(() -> h.captureAgain(uploaded)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("minh chứng #" + uploaded + " là tệp tải lên");
    }
  }
}
