package vn.minhchung.harvester.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private WireMockServer server;
  private final List<Duration> waits = new ArrayList<>();
  private HttpFetcher fetcher;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    fetcher = new HttpFetcher("MinhChungHarvester/test (+kiem-thu@example.vn)", Duration.ofSeconds(1),
        10L * 1024 * 1024, 3, waits::add, Clock.systemUTC(), loopback());
  }

  /** The WireMock server runs on loopback, which only an explicit allowance opens. */
  private AddressPolicy loopback() {
    return AddressPolicy.allowing("localhost:" + server.port());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  @Test
  void retriesA503AndReturnsTheLater200() throws Exception {
    server.stubFor(get("/tin").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(get("/tin").inScenario("s").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(200).withBody("Chuyển đổi số")));
    HttpResult r = fetcher.get(uri("/tin"), Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("Chuyển đổi số");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    server.verify(2, getRequestedFor(urlEqualTo("/tin")).withHeader("User-Agent",
        com.github.tomakehurst.wiremock.client.WireMock.containing("MinhChungHarvester")));
  }

  @Test
  void waitsForAShortRetryAfterOn429() throws Exception {
    server.stubFor(get("/api").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    server.stubFor(get("/api").inScenario("r").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));
    assertThat(fetcher.get(uri("/api"), Map.of()).status()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aLongRetryAfterEndsTheCallAsRateLimitedWithTheTime() {
    server.stubFor(get("/api").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    assertThatThrownBy(() -> fetcher.get(uri("/api"), Map.of()))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.reason()).isEqualTo(FetchException.Reason.RATE_LIMITED);
          assertThat(e.retryAfter()).isPresent();
        })
        .hasMessageContaining("3600 s");
    assertThat(waits).isEmpty();
  }

  @Test
  void aServerThatNeverAnswersTimesOutAfterItsRetries() {
    server.stubFor(get("/cham").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
    HttpFetcher once = new HttpFetcher("ua", Duration.ofSeconds(1), 1024, 1, waits::add, Clock.systemUTC(),
        loopback());
    assertThatThrownBy(() -> once.get(uri("/cham"), Map.of()))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TIMEOUT))
        .hasMessageContaining("/cham").hasMessageContaining("http.timeoutSeconds");
    assertThat(waits).hasSize(1);
  }

  @Test
  void aRedirectLoopIsReportedAsSuch() {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
    server.stubFor(get("/b").willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));
    assertThatThrownBy(() -> fetcher.get(uri("/a"), Map.of()))
        .isInstanceOfSatisfying(FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_MANY_REDIRECTS))
        .hasMessageContaining("/a → " + server.baseUrl() + "/b → " + server.baseUrl() + "/a");
    assertThat(waits).isEmpty();
  }

  @Test
  void aTwentyMegabytePageIsRefusedNotRead() {
    byte[] big = new byte[20 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    server.stubFor(get("/lon").willReturn(aResponse().withStatus(200).withBody(big)));
    HttpFetcher fetcher = new HttpFetcher("ua", Duration.ofSeconds(10), 10L * 1024 * 1024, 3, waits::add,
        Clock.systemUTC(), loopback());
    assertThatThrownBy(() -> fetcher.get(uri("/lon"), Map.of()))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_LARGE))
        .hasMessageContaining("http.maxBodyBytes");
    assertThat(waits).isEmpty();
  }

  @Test
  void a404IsReturnedNotRetried() throws Exception {
    server.stubFor(get("/mat").willReturn(aResponse().withStatus(404).withBody("Không tìm thấy".getBytes(StandardCharsets.UTF_8))));
    HttpResult r = fetcher.get(uri("/mat"), Map.of());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.attempts()).isEqualTo(1);
  }

  @Test
  void aLoopbackAddressIsRefusedWithoutAnAllowanceAndNothingIsSent() {
    server.stubFor(get("/internal/admin").willReturn(aResponse().withStatus(200).withBody("bí mật")));
    HttpFetcher strict = new HttpFetcher("ua", Duration.ofSeconds(1), 1024, 3, waits::add, Clock.systemUTC(),
        AddressPolicy.allowing(""));
    assertThatThrownBy(() -> strict.get(uri("/internal/admin"), Map.of()))
        .isInstanceOfSatisfying(FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.ADDRESS_REFUSED))
        .hasMessageContaining("/internal/admin").hasMessageContaining("(loopback)")
        .hasMessageContaining("http.allowHosts");
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(waits).as("a refusal is not retried").isEmpty();
  }

  @Test
  void aRedirectToAnInternalAddressIsRefusedBeforeItIsFollowed() {
    WireMockServer internal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    internal.start();
    try {
      server.stubFor(get("/chuyen").willReturn(aResponse().withStatus(302)
          .withHeader("Location", "http://127.0.0.1:" + internal.port() + "/internal/admin")));
      assertThatThrownBy(() -> fetcher.get(uri("/chuyen"), Map.of()))
          .isInstanceOfSatisfying(FetchException.class,
              e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.ADDRESS_REFUSED))
          .hasMessageContaining(uri("/chuyen") + " → http://127.0.0.1:" + internal.port() + "/internal/admin");
      assertThat(internal.getAllServeEvents()).isEmpty();
    } finally {
      internal.stop();
    }
  }

  @Test
  void aCrossOriginRedirectCarriesNoCredentials() throws Exception {
    WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    other.start();
    try {
      HttpFetcher both = new HttpFetcher("ua", Duration.ofSeconds(2), 1024, 1, waits::add, Clock.systemUTC(),
          AddressPolicy.allowing("localhost:" + server.port() + ", localhost:" + other.port()));
      server.stubFor(get("/api").willReturn(aResponse().withStatus(302)
          .withHeader("Location", other.baseUrl() + "/landing")));
      other.stubFor(get("/landing").willReturn(aResponse().withStatus(200).withBody("ok")));
      HttpResult r = both.get(uri("/api"), Map.of("Authorization", "Bearer EAAG-secret", "access_token", "zalo-secret",
          "secret_key", "app-secret", "Cookie", "c_user=1", "Accept", "application/json"));
      assertThat(r.bodyText()).isEqualTo("ok");
      server.verify(getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer EAAG-secret")));
      other.verify(1, getRequestedFor(urlEqualTo("/landing")).withoutHeader("Authorization")
          .withoutHeader("access_token").withoutHeader("secret_key").withoutHeader("Cookie")
          .withHeader("Accept", equalTo("application/json")));
    } finally {
      other.stop();
    }
  }

  @Test
  void aSameOriginRedirectKeepsTheHeaders() throws Exception {
    server.stubFor(get("/cu").willReturn(aResponse().withStatus(301).withHeader("Location", "/moi")));
    server.stubFor(get("/moi").willReturn(aResponse().withStatus(200).withBody("ok")));
    fetcher.get(uri("/cu"), Map.of("Authorization", "Bearer t"));
    server.verify(getRequestedFor(urlEqualTo("/moi")).withHeader("Authorization", equalTo("Bearer t")));
  }
}
