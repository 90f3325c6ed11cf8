package vn.minhchung.harvester.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.harvest.NewsSiteStubs;
import vn.minhchung.storage.db.Database;

class HarvestCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Map<String, String> ENV = Map.of("HARVESTER_HTTP_PER_HOST_DELAY_MS", "0",
      "HARVESTER_HTTP_TIMEOUT_SECONDS", "2", "HARVESTER_HTTP_MAX_RETRIES", "1",
      "HARVESTER_HTTP_ALLOW_HOSTS", "localhost");
  @TempDir Path data;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    NewsSiteStubs.install(server);
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      NewsSiteStubs.channels(db, server.baseUrl(), NOW);
    }
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private CliRun cli(String... args) {
    return CliRun.run(data, ENV, CLOCK, args);
  }

  @Test
  void harvestFillsPostsWithDatesAndViewsAndASecondRunAddsNothing() throws Exception {
    CliRun first = cli("harvest", "--channel", "BBN-CDS");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("BBN-CDS: success (3 bài mới, 0 cập nhật, 0 lỗi, 3 số liệu; lần chạy #1)");
    CliRun second = cli("harvest", "--channel", "BBN-CDS");
    assertThat(second.out()).startsWith("BBN-CDS: success (0 bài mới, 0 cập nhật, 0 lỗi, 0 số liệu; lần chạy #2)");

    CliRun list = cli("posts", "list", "--channel", "BBN-CDS", "--json");
    assertThat(list.exitCode()).isZero();
    JsonNode posts = new ObjectMapper().readTree(list.out());
    assertThat(posts).hasSize(3);
    JsonNode p = posts.get(0);
    List<String> fields = new ArrayList<>();
    p.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("channel", "platformId", "url", "title", "postedAt", "postedAtText", "counts",
        "durationSeconds", "firstSeenAt", "lastSeenAt");
    assertThat(p.get("channel").asText()).isEqualTo("BBN-CDS");
    assertThat(p.get("platformId").asText()).isEqualTo(server.baseUrl() + NewsSiteStubs.A431102);
    assertThat(p.get("title").asText()).isEqualTo("Bắc Ninh triển khai Luật Chuyển đổi số đến từng xã, phường");
    assertThat(p.get("postedAt").asText()).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(p.get("postedAtText").asText()).isEqualTo("2026-11-19T08:30:00+07:00");
    assertThat(p.get("counts").toString())
        .isEqualTo("{\"reactions\":null,\"comments\":null,\"shares\":null,\"views\":1234,\"likes\":null}");
    assertThat(p.get("durationSeconds").isNull()).isTrue();
    assertThat(p.get("firstSeenAt").asText()).isEqualTo("2026-11-20T10:00:00+07:00");
    assertThat(posts.get(1).get("postedAt").asText()).isEqualTo("2026-11-18T16:45:00+07:00");
    assertThat(posts.get(1).get("counts").get("views").asLong()).isEqualTo(2500);
    assertThat(posts.get(2).get("postedAt").asText()).isEqualTo("2026-11-16T15:05:00+07:00");

    CliRun runs = cli("runs", "list", "--channel", "BBN-CDS", "--json");
    JsonNode r = new ObjectMapper().readTree(runs.out());
    assertThat(r).hasSize(2);
    assertThat(r.get(0).get("status").asText()).isEqualTo("success");
    assertThat(r.get(1).get("newPosts").asInt()).isEqualTo(3);
    assertThat(r.get(0).get("startedAt").asText()).isEqualTo("2026-11-20T10:00:00+07:00");
  }

  @Test
  void noCaptureRunCapturesNothingAndTheNextRunCatchesUp() throws Exception {
    CliRun skipped = cli("harvest", "--channel", "BBN-CDS", "--no-capture", "--json");
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    JsonNode first = new ObjectMapper().readTree(skipped.out()).get(0);
    assertThat(first.get("newPosts").asInt()).isEqualTo(3);
    assertThat(first.get("captures").asInt()).isZero();

    CliRun next = cli("harvest", "--channel", "BBN-CDS", "--json");
    JsonNode second = new ObjectMapper().readTree(next.out()).get(0);
    assertThat(second.get("newPosts").asInt()).isZero();
    assertThat(second.get("captures").asInt()).as("the three articles, never captured, are due").isEqualTo(3);
  }

  @Test
  void allGoesOnAfterAFailingChannelAndExitsZero() {
    CliRun all = cli("harvest", "--all");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out()).contains("BBN-CDS: success").contains("CHAM: failed")
        .contains("GIOI-HAN: failed").contains("TD-BANNER-10: skipped");
    CliRun text = cli("runs", "list");
    assertThat(text.out()).contains("CHAM").contains("transient: không tải được nguồn bài viết nào của kênh CHAM");
  }

  @Test
  void exitsThreeWhenEveryChannelFailedOnAnOutsideSystem() {
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      db.runInTransaction(s -> s.createMutationQuery("update Channel c set c.active = false "
          + "where c.code not in ('CHAM', 'GIOI-HAN')").executeUpdate());
    }
    CliRun all = cli("harvest", "--all", "--json");
    assertThat(all.exitCode()).isEqualTo(ExitCodes.OUTSIDE_FAILURE);
    assertThat(all.out()).contains("\"failureKind\" : \"rate_limited\"").contains("\"retryAfter\" : \"2026-11-20T11:00:00+07:00\"");
  }

  @Test
  void anUnknownChannelIsBadInput() {
    CliRun r = cli("harvest", "--channel", "KHONG-CO");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("kênh 'KHONG-CO' không có trong danh mục");
    assertThat(cli("posts", "list", "--channel", "KHONG-CO").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
