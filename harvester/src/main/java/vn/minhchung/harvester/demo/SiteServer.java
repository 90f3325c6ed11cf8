package vn.minhchung.harvester.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One demo site on a loopback port: a JDK HTTP server with a few daemon threads and one handler. */
final class SiteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);
  private static final int THREADS = 4;
  static final String LOOPBACK = "127.0.0.1";

  /** A request as the handlers need it; query values decoded as UTF-8 (the last one wins). */
  record Request(String method, URI uri, String path, Map<String, String> query, Map<String, String> headers,
      byte[] body) {
    String param(String name) {
      return query.get(name);
    }

    /** A request header, case-insensitive. */
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The form fields of an {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
      return decode(new String(body, StandardCharsets.UTF_8));
    }
  }

  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Response html(String html) {
      return text(200, "text/html; charset=utf-8", html);
    }

    static Response json(int status, String json) {
      return text(status, "application/json; charset=UTF-8", json);
    }

    static Response text(int status, String contentType, String text) {
      return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response notFound() {
      return text(404, "text/html; charset=utf-8", Html.page("404 Not Found", "base", "",
          "<main class=\"notfound\"><h1>404 – Không tìm thấy trang</h1><p>Trang bạn tìm không tồn tại.</p>"
              + "<p><a href=\"/\">Về trang chủ</a></p></main>"));
    }

    Response withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Response(status, contentType, body, h);
    }
  }

  @FunctionalInterface
  interface Handler {
    Response handle(Request request);
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String name;

  private SiteServer(HttpServer server, ExecutorService executor, String name) {
    this.server = server;
    this.executor = executor;
    this.name = name;
  }

  /** Binds 127.0.0.1:{@code port} (0 = any free port) and serves every path with {@code handler}. */
  static SiteServer start(int port, String name, Handler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 32);
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "demo-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, name, handler));
    server.start();
    return new SiteServer(server, executor, name);
  }

  private static void serve(HttpExchange ex, String name, Handler handler) throws IOException {
    try (ex) {
      Response r;
      try {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
            v.isEmpty() ? "" : v.get(0)));
        URI uri = ex.getRequestURI();
        byte[] body = ex.getRequestBody().readAllBytes();
        r = handler.handle(new Request(ex.getRequestMethod(), uri, uri.getPath(), decode(uri.getRawQuery()), headers,
            body));
      } catch (RuntimeException e) {
        LOG.error("demo site {}: {} failed", name, ex.getRequestURI(), e);
        r = Response.text(500, "text/plain; charset=utf-8", "Lỗi máy chủ trang mô phỏng: " + e);
      }
      ex.getResponseHeaders().set("Content-Type", r.contentType());
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      boolean head = "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length == 0 ? -1 : r.body().length);
      if (!head && r.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  static Map<String, String> decode(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} without a trailing slash. */
  String baseUrl() {
    return "http://" + LOOPBACK + ":" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.debug("demo site {} stopped", name);
  }
}
