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
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * Conditional GET keeps validators in table {@code fetch_validator}: a new fetcher on a reopened database still
 * asks conditionally, an unchanged body counts as unchanged without any validator, and no page body stays
 * reachable from the fetcher.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ValidatorStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  private static final String ARTICLE = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
      + "<title>Bắc Ninh ra mắt nền tảng số cấp xã</title></head><body><article><h1>Bắc Ninh ra mắt nền tảng số cấp xã"
      + "</h1><p>Sáng 19/11, UBND tỉnh tổ chức lễ ra mắt nền tảng số phục vụ người dân tại 126 xã, phường.</p>"
      + "</article></body></html>";
  @TempDir Path dir;
  private WireMockServer site;
  private Settings settings;

  @BeforeEach
  void start() {
    site = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    site.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    settings = Settings.of(dir, Map.of("http.perHostDelayMs", "0", "http.allowHosts", "127.0.0.1:" + site.port()));
  }

  @AfterEach
  void stop() {
    site.stop();
  }

  private PoliteFetcher fetcher(Database db) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Sleeper noWait = d -> { };
    return new PoliteFetcher(new HttpFetcher(settings, noWait, clock), settings, noWait, clock,
        new ValidatorStore.InDatabase(db));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + site.port() + path);
  }

  @Test
  void aNewFetcherOnTheReopenedDatabaseAsksWithTheStoredETag() throws Exception {
    site.stubFor(get("/tin/nen-tang-so.html").withHeader("If-None-Match", absent()).willReturn(aResponse()
        .withHeader("ETag", "\"bn-2611\"").withHeader("Last-Modified", "Thu, 19 Nov 2026 01:30:00 GMT")
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(ARTICLE)));
    site.stubFor(get("/tin/nen-tang-so.html").withHeader("If-None-Match", equalTo("\"bn-2611\""))
        .willReturn(aResponse().withStatus(304)));
    DatabaseTarget target = DatabaseTarget.embedded(dir.resolve("db"));
    try (Database db = Database.open(target)) {
      assertThat(fetcher(db).fetchIfChanged(uri("/tin/nen-tang-so.html"))).isInstanceOf(FetchOutcome.Fetched.class);
    }
    try (Database reopened = Database.open(target)) {
      FetchOutcome again = fetcher(reopened).fetchIfChanged(uri("/tin/nen-tang-so.html"));

      assertThat(again).isEqualTo(new FetchOutcome.NotModified(uri("/tin/nen-tang-so.html")));
      site.verify(1, getRequestedFor(urlEqualTo("/tin/nen-tang-so.html"))
          .withHeader("If-None-Match", equalTo("\"bn-2611\""))
          .withHeader("If-Modified-Since", equalTo("Thu, 19 Nov 2026 01:30:00 GMT")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void theSameBodyWithoutValidatorsIsUnchangedAndAChangedBodyIsRead(DatabaseTarget target) throws Exception {
    try (Database db = TestDatabases.open(target)) {
      site.stubFor(get("/tin/khong-etag.html").willReturn(aResponse()
          .withHeader("Content-Type", "text/html; charset=utf-8").withBody(ARTICLE)));
      PoliteFetcher first = fetcher(db);
      assertThat(first.fetch(uri("/tin/khong-etag.html"))).isInstanceOf(FetchOutcome.Fetched.class);

      PoliteFetcher second = fetcher(db);
      assertThat(second.fetchIfChanged(uri("/tin/khong-etag.html")))
          .isEqualTo(new FetchOutcome.NotModified(uri("/tin/khong-etag.html")));
      site.verify(2, getRequestedFor(urlEqualTo("/tin/khong-etag.html")).withHeader("If-None-Match", absent()));

      String edited = ARTICLE.replace("126 xã, phường", "126 xã, phường (cập nhật 20/11)");
      site.stubFor(get("/tin/khong-etag.html").willReturn(aResponse()
          .withHeader("Content-Type", "text/html; charset=utf-8").withBody(edited)));
      FetchOutcome changed = second.fetchIfChanged(uri("/tin/khong-etag.html"));
      assertThat(changed).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
          f -> assertThat(new String(f.page().body(), StandardCharsets.UTF_8)).contains("cập nhật 20/11"));
      // Stored once, then overwritten with the new hash: one row, no body.
      assertThat(rows(db)).singleElement().satisfies(r -> {
        assertThat(r.get("url")).isEqualTo(uri("/tin/khong-etag.html").toString());
        assertThat(r.get("etag")).isNull();
        assertThat(r.get("body_sha256")).isEqualTo(
            ValidatorStore.sha256(edited.getBytes(StandardCharsets.UTF_8)));
      });
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void noPageBodyStaysReachableAndEachUrlKeepsOnlyAFewHundredBytes() throws Exception {
    int pages = 24;
    byte[] big = (ARTICLE.replace("</article>", "<p>" + "Chuyển đổi số toàn diện. ".repeat(20_000) + "</p></article>"))
        .getBytes(StandardCharsets.UTF_8);
    String hugeEtag = "\"" + "e".repeat(4000) + "\"";
    for (int i = 0; i < pages; i++) {
      site.stubFor(get("/tin/bai-" + i + ".html").willReturn(aResponse().withHeader("ETag", i == 0 ? hugeEtag : "\"v" + i + "\"")
          .withHeader("Content-Type", "text/html; charset=utf-8").withBody(big)));
    }
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      PoliteFetcher fetcher = fetcher(db);
      List<WeakReference<byte[]>> bodies = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        FetchOutcome o = fetcher.fetchIfChanged(uri("/tin/bai-" + i + ".html"));
        bodies.add(new WeakReference<>(((FetchOutcome.Fetched) o).page().body()));
      }
      assertThat(big.length).isGreaterThan(500_000);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (bodies.stream().anyMatch(w -> w.get() != null) && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      assertThat(bodies).as("page bodies still reachable (held by the fetcher) after GC")
          .allSatisfy(w -> assertThat(w.get()).isNull());
      List<Map<String, String>> rows = rows(db);
      assertThat(rows).hasSize(pages);
      assertThat(rows).allSatisfy(r -> assertThat(r.values().stream()
          .mapToInt(v -> v == null ? 0 : v.length()).sum()).isLessThan(300));
      assertThat(rows).filteredOn(r -> r.get("url").endsWith("/bai-0.html")).singleElement()
          .satisfies(r -> assertThat(r.get("etag")).as("a 4 KB ETag is not kept").isNull());
      fetcher.fetchIfChanged(uri("/tin/bai-0.html"));
      site.verify(2, getRequestedFor(urlEqualTo("/tin/bai-0.html")).withHeader("If-None-Match", absent()));
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static List<Map<String, String>> rows(Database db) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = db.connection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select url_sha256, url, etag, last_modified, body_sha256 from fetch_validator")) {
      while (rs.next()) {
        Map<String, String> r = new java.util.HashMap<>();
        for (String col : List.of("url_sha256", "url", "etag", "last_modified", "body_sha256")) {
          r.put(col, rs.getString(col));
        }
        rows.add(r);
      }
    }
    return rows;
  }
}
