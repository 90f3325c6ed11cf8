package vn.minhchung.harvester.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts scenario of the "real channels" issue on the command line: three Fanpages and two Zalo OAs of
 * different units, no platform-wide token; each is harvested through its own account; listings are masked; the
 * database files hold no token; a revoked token stops only its channel and raises an alert naming the unit.
 */
@Timeout(300)
class CredentialsCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  /** A Page or OA of the scenario: channel, unit, platform id, name and its own token. */
  record Unit(String channel, String unitCode, String unitName, String kind, String id, String name, String token) {}

  static final List<Unit> UNITS = List.of(
      new Unit("FB-SKHCN", "SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "facebook_page", "104857392847561",
          "Sở Khoa học và Công nghệ Bắc Ninh", "EAAGpageTokenSKHCNZBq8Xw2026AprilA01"),
      new Unit("FB-STP", "STP", "Sở Tư pháp tỉnh Bắc Ninh", "facebook_page", "110293847561029",
          "Sở Tư pháp Bắc Ninh", "EAAGpageTokenSTPZBq8Xw2026AprilB0002"),
      new Unit("FB-XTH", "UBND-XTH", "Ủy ban nhân dân xã Tân Hồng", "facebook_page", "130495867102938",
          "Xã Tân Hồng", "EAAGpageTokenXTHZBq8Xw2026AprilC0003"),
      new Unit("ZL-XTH", "UBND-XTH", "Ủy ban nhân dân xã Tân Hồng", "zalo_oa", "4321987654321098765",
          "UBND xã Tân Hồng", "zaloOaTokenXTH2026AprilD0004xyzw"),
      new Unit("ZL-PTS", "UBND-PTS", "Ủy ban nhân dân phường Từ Sơn", "zalo_oa", "5432198765432109876",
          "UBND phường Từ Sơn", "zaloOaTokenPTS2026AprilE0005xyzw"));

  @AfterEach
  void restoreStdin() {
    CredentialsCommand.stdin = System.in;
  }

  Map<String, String> env() {
    return Map.of("HARVESTER_PLATFORMS_FACEBOOK_GRAPH_BASE_URL", wm.baseUrl(),
        "HARVESTER_PLATFORMS_ZALO_API_BASE_URL", wm.baseUrl(), "HARVESTER_PLATFORMS_ZALO_OAUTH_BASE_URL", wm.baseUrl());
  }

  CliRun cli(String... args) {
    return CliRun.run(dir.resolve("data"), env(), CLOCK, args);
  }

  CliRun set(String channel, String stdin, String... more) {
    CredentialsCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    List<String> args = new ArrayList<>(List.of("credentials", "set", channel));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  void stubPlatforms() {
    for (Unit u : UNITS) {
      Map<String, String> vars = Map.of("PAGE", u.id(), "NAME", u.name(), "OA", u.id());
      if (u.kind().equals("facebook_page")) {
        wm.stubFor(get(urlPathEqualTo("/v26.0/me")).withHeader("Authorization", equalTo("Bearer " + u.token()))
            .willReturn(okJson("{\"id\":\"" + u.id() + "\",\"name\":\"" + u.name() + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/v26.0/" + u.id() + "/published_posts"))
            .withHeader("Authorization", equalTo("Bearer " + u.token()))
            .willReturn(okJson(fixture("facebook/page-posts-2026-04-20.json", vars))));
      } else {
        wm.stubFor(get(urlPathEqualTo("/v2.0/oa/getoa")).withHeader("access_token", equalTo(u.token()))
            .willReturn(okJson(fixture("zalo/getoa-2026-04-20.json").replace("2947102938475610293", u.id())
                .replace("Sở Khoa học và Công nghệ tỉnh Bắc Ninh", u.name()))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice")).withHeader("access_token", equalTo(u.token()))
            .withQueryParam("type", equalTo("normal")).willReturn(okJson(fixture("zalo/getslice-oa-2026-04-20.json",
                vars))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice")).withHeader("access_token", equalTo(u.token()))
            .withQueryParam("type", equalTo("video")).willReturn(okJson(fixture("zalo/getslice-empty-2026-04-20.json"))));
      }
    }
  }

  Path registry() throws IOException {
    StringBuilder y = new StringBuilder("units:\n");
    UNITS.stream().map(u -> u.unitCode() + "|" + u.unitName()).distinct().forEach(u -> y.append("  - code: ")
        .append(u.split("\\|")[0]).append("\n    name: ").append(u.split("\\|")[1]).append("\n"));
    y.append("channels:\n");
    for (Unit u : UNITS) {
      y.append("  - code: ").append(u.channel()).append("\n    unit: ").append(u.unitCode()).append("\n    kind: ")
          .append(u.kind()).append("\n    name: ").append(u.name()).append("\n    url: ")
          .append(u.kind().equals("zalo_oa") ? "https://zalo.me/" : "https://www.facebook.com/").append(u.id())
          .append("\n    platformId: \"").append(u.id()).append("\"\n")
          // Through the account only: with 'auto' a channel without a usable account is read through the browser.
          .append("    options:\n      via: api\n");
    }
    Path f = dir.resolve("kenh-don-vi.yaml");
    Files.writeString(f, y.toString(), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void eachChannelHarvestsThroughItsOwnAccountAndARevokedTokenStopsOnlyItsChannel() throws Exception {
    stubPlatforms();
    assertThat(cli("registry", "import", registry().toString()).exitCode()).isZero();

    for (Unit u : UNITS) {
      CliRun r = set(u.channel(), u.token() + "\n" + (u.kind().equals("zalo_oa") ? "refresh-" + u.token() + "\n" : ""),
          u.kind().equals("zalo_oa") ? new String[] {"--refresh-token-stdin"} : new String[0]);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains(u.channel()).contains(u.id()).doesNotContain(u.token());
    }
    CliRun listed = cli("credentials", "list", "--json");
    JsonNode rows = JSON.readTree(listed.out());
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).path("channel").asText()).isEqualTo("FB-SKHCN");
    assertThat(rows.get(0).path("masked").asText()).isEqualTo("EAAG…A01");
    assertThat(rows.get(0).path("status").asText()).isEqualTo("ok");
    assertThat(rows.get(3).path("platform").asText()).isEqualTo("zalo");
    for (Unit u : UNITS) {
      assertThat(listed.out()).doesNotContain(u.token());
    }

    CliRun first = cli("harvest", "--all", "--no-capture");
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    for (Unit u : UNITS) {
      assertThat(first.out()).contains(u.channel() + ": success (2 bài mới");
    }
    wm.verify(getRequestedFor(urlPathEqualTo("/v26.0/110293847561029/published_posts"))
        .withHeader("Authorization", equalTo("Bearer " + UNITS.get(1).token())));

    // The Page of the Sở KH&CN removes the app: Graph answers 190/458 to its token only.
    wm.stubFor(get(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Bearer " + UNITS.get(0).token()))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(fixture("facebook/error-190-2026-04-20.json").replace("\"error_subcode\": 463",
                "\"error_subcode\": 458"))));
    CliRun second = cli("harvest", "--all", "--no-capture");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("FB-SKHCN: failed").contains("FB-STP: success").contains("FB-XTH: success")
        .contains("ZL-XTH: success").contains("ZL-PTS: success");
    JsonNode alerts = JSON.readTree(cli("alerts", "list", "--json").out());
    assertThat(alerts).anySatisfy(a -> {
      assertThat(a.path("kind").asText()).isEqualTo("credential_rejected");
      assertThat(a.path("channel").asText()).isEqualTo("FB-SKHCN");
      assertThat(a.path("message").asText()).contains("Sở Khoa học và Công nghệ tỉnh Bắc Ninh")
          .contains("kết nối lại");
    });
    assertThat(alerts).noneSatisfy(a -> assertThat(a.path("channel").asText()).isNotEqualTo("FB-SKHCN"));
    JsonNode after = JSON.readTree(cli("credentials", "list", "--json").out());
    assertThat(after.get(0).path("status").asText()).isEqualTo("revoked");
    assertThat(after.get(1).path("status").asText()).isEqualTo("ok");

    int callsWithRevoked = wm.findAll(getRequestedFor(anyUrl()).withHeader("Authorization",
        equalTo("Bearer " + UNITS.get(0).token()))).size();
    CliRun third = cli("harvest", "--channel", "FB-SKHCN", "--no-capture");
    assertThat(third.out()).contains("FB-SKHCN: failed").contains("đã bị thu hồi")
        .contains("Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    assertThat(wm.findAll(getRequestedFor(anyUrl()).withHeader("Authorization",
        equalTo("Bearer " + UNITS.get(0).token())))).as("no call with a revoked token").hasSize(callsWithRevoked);

    assertNoTokenInDatabaseFiles();
    Path key = dir.resolve("data").resolve("secret.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
  }

  @Test
  void aTokenOfAnotherPageIsRefusedAndNothingIsStored() throws Exception {
    stubPlatforms();
    assertThat(cli("registry", "import", registry().toString()).exitCode()).isZero();

    CliRun r = set("FB-STP", UNITS.get(0).token() + "\n");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("FB-STP").contains("104857392847561").contains("110293847561029")
        .doesNotContain(UNITS.get(0).token());
    assertThat(JSON.readTree(cli("credentials", "list", "--json").out())).isEmpty();
  }

  @Test
  void removeUnlinksAndTheChannelSaysItIsNotConnected() throws Exception {
    stubPlatforms();
    assertThat(cli("registry", "import", registry().toString()).exitCode()).isZero();
    assertThat(set("FB-XTH", UNITS.get(2).token() + "\n").exitCode()).isZero();

    CliRun removed = cli("credentials", "remove", "FB-XTH");
    assertThat(removed.exitCode()).isZero();
    assertThat(removed.out()).contains("đã gỡ tài khoản facebook 130495867102938");
    assertThat(cli("credentials", "remove", "FB-XTH").exitCode()).isEqualTo(2);
    CliRun harvest = cli("harvest", "--channel", "FB-XTH", "--no-capture");
    assertThat(harvest.out()).contains("FB-XTH: failed").contains("chưa kết nối tài khoản");
  }

  @Test
  void aMissingOrEmptyTokenOnStdinIsBadInput() throws Exception {
    assertThat(cli("registry", "import", registry().toString()).exitCode()).isZero();
    CliRun r = set("FB-SKHCN", "");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no token on stdin");
    CliRun news = set("KHONG-CO", "EAAGabc\n");
    assertThat(news.exitCode()).isEqualTo(2);
    assertThat(news.err()).contains("KHONG-CO");
  }

  void assertNoTokenInDatabaseFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("data").resolve("db"))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (Unit u : UNITS) {
        assertThat(bytes).as(f + " holds no token").doesNotContain(u.token()).doesNotContain("refresh-" + u.token());
      }
    }
  }
}
