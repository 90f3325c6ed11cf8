package vn.minhchung.harvester.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.web.Fixtures;

class PoliteFetcherTest {
  private WireMockServer server;
  private final List<Duration> waits = new ArrayList<>();
  private PoliteFetcher fetcher;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
        .withBody(Fixtures.text("portal-robots-2026-11-20.txt", server.baseUrl()))));
    Settings settings = Settings.of(Path.of("target/polite"), Map.of("http.perHostDelayMs", "1500",
        "http.allowHosts", "localhost"));
    // Time moves only when the fetcher waits, so the waits are exact.
    Instant[] now = {Instant.parse("2026-11-20T03:00:00Z")};
    Clock clock = new Clock() {
      @Override public ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    Sleeper sleeper = d -> {
      waits.add(d);
      now[0] = now[0].plus(d);
    };
    fetcher = new PoliteFetcher(new HttpFetcher(settings, sleeper, clock), settings, sleeper, clock);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  @Test
  void aUrlForbiddenByRobotsTxtIsNotRequested() throws Exception {
    FetchOutcome o = fetcher.fetch(uri("/noi-bo/danh-sach-can-bo.html"));
    assertThat(o).isInstanceOfSatisfying(FetchOutcome.Disallowed.class,
        d -> assertThat(d.robotsTxt()).isEqualTo(uri("/robots.txt")));
    server.verify(0, getRequestedFor(urlEqualTo("/noi-bo/danh-sach-can-bo.html")));
    assertThat(fetcher.sitemapsOf(uri("/"))).containsExactly(server.baseUrl() + "/sitemap.xml");
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  @Test
  void waitsBetweenRequestsToTheSameHost() throws Exception {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(200).withBody("a")));
    fetcher.fetch(uri("/a"));
    fetcher.fetch(uri("/a"));
    // robots.txt, /a, /a: http.perHostDelayMs before each request after the first.
    assertThat(waits).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
  }

  @Test
  void asksConditionallyOnlyWhenToldAndAnswersNotModifiedWithoutAPage() throws Exception {
    server.stubFor(get("/tin").withHeader("If-None-Match", absent()).willReturn(aResponse().withStatus(200)
        .withHeader("ETag", "\"v1\"").withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody("<p>Bản đầu</p>")));
    server.stubFor(get("/tin").withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304)));
    FetchOutcome first = fetcher.fetch(uri("/tin"));
    FetchOutcome again = fetcher.fetch(uri("/tin"));
    FetchOutcome ifChanged = fetcher.fetchIfChanged(uri("/tin"));
    assertThat(((FetchOutcome.Fetched) first).page().decoded().text()).isEqualTo("<p>Bản đầu</p>");
    assertThat(((FetchOutcome.Fetched) again).page().decoded().text()).as("an unconditional fetch reads the page")
        .isEqualTo("<p>Bản đầu</p>");
    assertThat(ifChanged).isEqualTo(new FetchOutcome.NotModified(uri("/tin")));
    server.verify(1, getRequestedFor(urlEqualTo("/tin")).withHeader("If-None-Match", equalTo("\"v1\"")));
  }

  @Test
  void withoutValidatorsFetchIfChangedReadsThePage() throws Exception {
    server.stubFor(get("/moi").willReturn(aResponse().withStatus(200).withBody("<p>Tin mới</p>")));
    assertThat(fetcher.fetchIfChanged(uri("/moi"))).isInstanceOf(FetchOutcome.Fetched.class);
    server.verify(getRequestedFor(urlEqualTo("/moi")).withoutHeader("If-None-Match")
        .withoutHeader("If-Modified-Since"));
  }

  @Test
  void aMissingRobotsTxtAllowsEverything() throws Exception {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/noi-bo/x").willReturn(aResponse().withStatus(200).withBody("ok")));
    assertThat(fetcher.fetch(uri("/noi-bo/x"))).isInstanceOf(FetchOutcome.Fetched.class);
  }

  @Test
  void takesTheRobotNameFromTheUserAgent() {
    assertThat(PoliteFetcher.robotName("MinhChungHarvester/0.1 (+https://x; y)")).isEqualTo("minhchungharvester");
  }
}
