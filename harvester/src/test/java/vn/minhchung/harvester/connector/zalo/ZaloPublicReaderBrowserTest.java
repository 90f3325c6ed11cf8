package vn.minhchung.harvester.connector.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.WINDOW_START;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorTestSupport;
import vn.minhchung.harvester.connector.FakeAccess;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** A Zalo OA without an account, read from its public profile page served locally, in the real Chromium. */
@Timeout(300)
class ZaloPublicReaderBrowserTest {
  static final String OA = "4321987654321098765";
  @TempDir static Path data;
  static HttpServer server;
  static DatabaseTarget target;
  static Database db;
  static CaptureService browser;
  static Settings settings;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ZaloPublicReaderBrowserTest::handle);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    settings = Settings.of(data, Map.of("platforms.zalo.pageBaseUrl", base, "http.allowHosts",
        "127.0.0.1:" + server.getAddress().getPort(), "browser.concurrency", "1",
        "browser.captureTimeoutSeconds", "30"));
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    browser = CaptureService.start(settings, Map.of(), db, new BlobStore(data.resolve("blobs")), CLOCK);
  }

  @AfterAll
  static void stop() {
    browser.close();
    db.close();
    TestDatabases.drop(target);
    server.stop(0);
  }

  static void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      if (path.equals("/" + OA)) {
        try (InputStream in = ZaloPublicReaderBrowserTest.class.getResourceAsStream(
            "/fixtures/zalo/oa-profile-2026-11-20.html")) {
          body = in.readAllBytes();
        }
      } else {
        status = 404;
        body = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Không tìm thấy</title></head>"
            .concat("<body><p>Không tìm thấy trang</p></body></html>").getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static ChannelSpec channel(String via, String platformId) {
    return new ChannelSpec(7, "ZL-XTH", "UBND-XTH", ChannelKind.ZALO_OA, "UBND xã Tân Hồng",
        "https://zalo.me/" + OA, Optional.ofNullable(platformId), Map.of("via", via));
  }

  ZaloConnector connector() {
    return new ZaloConnector(new ConnectorTestSupport.Waits().fetcher(), null, FakeAccess.none(),
        Optional.of(new ZaloPublicReader(() -> browser)));
  }

  @Test
  void withoutAnAccountTheProfileGivesFactsAndArticlesWithoutCountsAndSaysToConnect() throws Exception {
    RecordingContext ctx = new RecordingContext(CLOCK, settings, WINDOW_START, List.of());
    connector().harvest(channel("auto", null), ctx);

    assertThat(ctx.snapshots).containsExactly(new HarvestContext.ChannelFacts("public_page", "UBND xã Tân Hồng", true,
        12_400L, "12,4K người quan tâm"));
    assertThat(ctx.accepted).extracting(HarvestedPost::platformId)
        .containsExactly("8a1f3c0e2b5d4f7a9c6e", "6b2e4d1f3a5c7e9b8d0f");
    HarvestedPost first = ctx.accepted.get(0);
    assertThat(first.url()).isEqualTo(settings.string("platforms.zalo.pageBaseUrl") + "/oa/article/8a1f3c0e2b5d4f7a9c6e");
    assertThat(first.title()).isEqualTo("Thông báo lịch tiếp công dân tháng 12/2026");
    assertThat(first.postedAt()).isNull();
    assertThat(first.counts().isEmpty()).isTrue();
    assertThat(first.flags()).contains("no_date", "public_page");
    assertThat(ctx.accepted.get(1).title())
        .isEqualTo("Hướng dẫn nộp hồ sơ cấp giấy khai sinh trực tuyến trên Cổng dịch vụ công quốc gia");
    assertThat(ctx.problems).singleElement().satisfies(p -> {
      assertThat(p.reasonCode()).isEqualTo("zalo_not_connected");
      assertThat(p.message()).contains("'UBND xã Tân Hồng' (12,4K người quan tâm, 2 bài được liên kết")
          .contains("cần kết nối tài khoản Zalo OA để có lượt xem và ngày đăng");
    });
  }

  @Test
  void viaApiStillFailsNotConnectedAndAMissingProfileIsAFailure() {
    RecordingContext ctx = new RecordingContext(CLOCK, settings, WINDOW_START, List.of());
    assertThatThrownBy(() -> connector().harvest(channel("api", OA), ctx)).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("chưa kết nối tài khoản");
    assertThat(ctx.accepted).isEmpty();
    ChannelSpec unknown = new ChannelSpec(8, "ZL-KHAC", "UBND-XTH", ChannelKind.ZALO_OA, "OA khác",
        "https://zalo.me/1111222233334444555", Optional.empty(), Map.of());
    assertThatThrownBy(() -> connector().harvest(unknown, ctx)).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("không đọc được trang công khai của OA").hasMessageContaining("/1111222233334444555")
        .hasMessageContaining("cần kết nối tài khoản Zalo OA");
    assertThat(ctx.snapshots).isEmpty();
  }
}
