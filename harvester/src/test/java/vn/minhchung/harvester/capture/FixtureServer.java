package vn.minhchung.harvester.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the capture fixtures on 127.0.0.1 (random port), with the misbehaviours the tests need: a redirect
 * to /login, a 404, a resource that never answers, a block fetched only after scrolling, and numbered
 * article pages for batches and the benchmark; {@code /hostile?to=PORT} is a page whose image, frame, style,
 * script fetch and WebSocket all point at another loopback port.
 */
public final class FixtureServer implements AutoCloseable {
  private static final Map<String, String> PAGES = Map.ofEntries(
      Map.entry("/fb/post", "facebook-post-2026-11-20.html"),
      Map.entry("/fb/page", "facebook-page-2026-11-20.html"),
      Map.entry("/cookie", "cookie-dialog-2026-11-20.html"),
      Map.entry("/lazy", "lazy-2026-11-20.html"),
      Map.entry("/wall", "login-wall-2026-11-20.html"),
      Map.entry("/login", "facebook-login-2026-11-20.html"),
      Map.entry("/unavailable", "unavailable-2026-11-20.html"),
      Map.entry("/never", "never-loads-2026-11-20.html"),
      Map.entry("/tall", "tall-2026-11-20.html"),
      Map.entry("/busy", "busy-loop-2026-11-20.html"),
      Map.entry("/news/article", "news-article-2026-11-15.html"));
  public static final String LAZY_TEXT = "Nội dung tải sau khi cuộn: thông báo tuyển dụng viên chức năm 2026";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> hits =
      new java.util.concurrent.ConcurrentHashMap<>();

  public FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** How many times a path was requested (tests wait for the browser to reach a page). */
  public int hits(String path) {
    return hits.getOrDefault(path, new java.util.concurrent.atomic.AtomicInteger()).get();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    hits.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    try (ex) {
      if (PAGES.containsKey(path)) {
        send(ex, 200, "text/html; charset=utf-8", fixture(PAGES.get(path)));
      } else if (path.equals("/fb/redirect")) {
        ex.getResponseHeaders().add("Location", "/login?next=%2Fubnd%2Fposts%2F123");
        ex.sendResponseHeaders(302, -1);
      } else if (path.equals("/missing")) {
        send(ex, 404, "text/html; charset=utf-8", fixture("not-found-2026-11-20.html"));
      } else if (path.equals("/lazy-more")) {
        pause(300);
        send(ex, 200, "text/plain; charset=utf-8", LAZY_TEXT.getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/hang.png")) {
        pause(120_000);
      } else if (path.equals("/hostile")) {
        send(ex, 200, "text/html; charset=utf-8", hostile(ex.getRequestURI().getQuery().replace("to=", "")));
      } else if (path.startsWith("/page/")) {
        send(ex, 200, "text/html; charset=utf-8", article(path.substring("/page/".length())));
      } else {
        send(ex, 404, "text/plain; charset=utf-8", "không có".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static byte[] hostile(String port) {
    String in = "http://127.0.0.1:" + port + "/internal";
    String html = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Thông báo</title>"
        + "<link rel=\"stylesheet\" href=\"" + in + "/style.css\"></head><body><article><h1>Thông báo tuyển dụng</h1>"
        + "<p>Ngày đăng: 20/11/2026 08:00</p><img src=\"" + in + "/admin.png\" alt=\"\">"
        + "<iframe src=\"http://localhost:" + port + "/internal/admin\"></iframe>"
        + "<script>fetch('" + in + "/api').catch(function () {});"
        + "try { new WebSocket('ws://127.0.0.1:" + port + "/internal/ws'); } catch (e) {}</script>"
        + "</article></body></html>";
    return html.getBytes(StandardCharsets.UTF_8);
  }

  /** A small portal article, numbered so every page of a batch differs. */
  static byte[] article(String n) {
    String html = String.format(Locale.ROOT, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<title>Tin số %1$s</title></head><body style=\"font-family:sans-serif;margin:0\"><header style=\"background:"
        + "#c8102e;color:#fff;padding:12px\">Cổng thông tin điện tử tỉnh Hòa Bình</header><article style=\"padding:16px\">"
        + "<h1>Tin số %1$s: Hội nghị triển khai chuyển đổi số cấp xã</h1><p>Ngày đăng: 20/11/2026 08:%2$02d</p>"
        + "<p>Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị trực tuyến với 151 điểm cầu cấp xã, phường.</p>"
        + "</article></body></html>", n, Math.floorMod(n.hashCode(), 60));
    return html.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/capture/" + name)) {
      if (in == null) {
        throw new IOException("missing fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
