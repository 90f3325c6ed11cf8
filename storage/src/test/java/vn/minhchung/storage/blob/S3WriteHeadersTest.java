package vn.minhchung.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;

/**
 * The headers of a write, seen by a bare HTTP server standing in for the store: the SHA-256 checksum and the
 * write-once condition are sent, a 412 is a no-op, and a store that answers 501 gets Content-MD5 without losing
 * the condition.
 */
@Timeout(60)
class S3WriteHeadersTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<Map<String, String>> puts = new CopyOnWriteArrayList<>();

  private BlobStore start(Function<Map<String, String>, Integer> putStatus) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> answer(ex, putStatus));
    server.start();
    Map<String, String> s = Map.of("blobs.store", "s3", "blobs.s3.endpoint",
        "http://127.0.0.1:" + server.getAddress().getPort(), "blobs.s3.bucket", "minh-chung",
        "blobs.s3.accessKey", "khoa", "blobs.s3.secretKey", "bi-mat");
    return BlobStore.fromSettings(Settings.of(dir, s));
  }

  private void answer(HttpExchange ex, Function<Map<String, String>, Integer> putStatus) throws IOException {
    ex.getRequestBody().readAllBytes();
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(404, -1);
    } else if (ex.getRequestMethod().equals("PUT")) {
      Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      ex.getRequestHeaders().forEach((k, v) -> h.put(k, v.get(0)));
      puts.add(h);
      int status = putStatus.apply(h);
      byte[] body = status == 200 ? new byte[0]
          : ("<Error><Code>" + (status == 412 ? "PreconditionFailed" : "NotImplemented") + "</Code></Error>")
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    } else {
      ex.sendResponseHeaders(405, -1);
    }
    ex.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aWriteSendsTheSha256ChecksumAndIfNoneMatch() throws Exception {
    byte[] png = "ảnh chụp bài đăng".getBytes(StandardCharsets.UTF_8);
    try (BlobStore store = start(h -> 200)) {
      BlobRef ref = store.put(png, "image/png");
      assertThat(puts).singleElement().satisfies(h -> {
        assertThat(h.get("x-amz-checksum-sha256"))
            .isEqualTo(Base64.getEncoder().encodeToString(BlobStore.sha256().digest(png)));
        assertThat(h.get("If-None-Match")).isEqualTo("*");
        assertThat(h.get("Content-Type")).isEqualTo("image/png");
      });
      assertThat(ref.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(BlobStore.sha256().digest(png)));
    }
  }

  @Test
  void aPreconditionFailedAnswerMeansAnotherNodeWroteTheSameBytes() throws Exception {
    try (BlobStore store = start(h -> 412)) {
      assertThat(store.backend().store("b".repeat(64), new byte[] {1}, "image/png")).isFalse();
    }
  }

  @Test
  void aStoreThatDoesNotImplementAHeaderGetsContentMd5AndKeepsTheCondition() throws Exception {
    byte[] html = "<p>Sở Thông tin và Truyền thông</p>".getBytes(StandardCharsets.UTF_8);
    try (BlobStore store = start(h -> h.containsKey("x-amz-checksum-sha256") ? 501 : 200)) {
      store.put(html, "text/html");
      assertThat(puts).hasSize(3);
      Map<String, String> last = puts.get(2);
      assertThat(last).doesNotContainKey("x-amz-checksum-sha256");
      assertThat(last.get("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(
          BlobStore.digest("MD5").digest(html)));
      assertThat(last.get("If-None-Match")).isEqualTo("*");
      store.put("một tệp khác".getBytes(StandardCharsets.UTF_8), "text/html");
      assertThat(puts).as("the mode is kept").hasSize(4);
    }
  }
}
