package vn.minhchung.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server answering like the Graph API, the Zalo Open API and the YouTube Data API for generated
 * channels of {@code postsPerChannel} posts each (one every 6 hours back from {@code now}), counting requests.
 */
final class MockPlatforms implements AutoCloseable {
  private static final DateTimeFormatter GRAPH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  final AtomicInteger facebook = new AtomicInteger();
  final AtomicInteger zalo = new AtomicInteger();
  final AtomicInteger youtube = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final int posts;
  private final Instant now;

  MockPlatforms(int postsPerChannel, Instant now) throws IOException {
    this.posts = postsPerChannel;
    this.now = now;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(executor);
    server.createContext("/fb/", ex -> answer(ex, facebook, facebook(ex.getRequestURI())));
    server.createContext("/zalo/", ex -> answer(ex, zalo, zalo(query(ex.getRequestURI()))));
    server.createContext("/yt/", ex -> answer(ex, youtube, youtube(ex.getRequestURI())));
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private Instant postedAt(int i) {
    return now.minusSeconds(6L * 3600 * (i + 1));
  }

  private String facebook(URI uri) {
    String page = uri.getPath().split("/")[3];
    StringBuilder sb = new StringBuilder("{\"data\":[");
    for (int i = 0; i < posts; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(page).append('_').append(i)
          .append("\",\"message\":\"Bài viết số ").append(i).append(" về chuyển đổi số 🚀\",\"created_time\":\"")
          .append(GRAPH_TIME.format(postedAt(i))).append("\",\"permalink_url\":\"https://www.facebook.com/")
          .append(page).append("/posts/").append(i).append("\",\"shares\":{\"count\":").append(i % 7)
          .append("},\"reactions\":{\"summary\":{\"total_count\":").append(i * 3)
          .append("}},\"comments\":{\"summary\":{\"total_count\":").append(i % 11).append("}}}");
    }
    return sb.append("],\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}").toString();
  }

  private String zalo(Map<String, String> q) {
    if (!"normal".equals(q.get("type"))) {
      return "{\"error\":0,\"message\":\"Success\",\"data\":{\"medias\":[],\"total\":0}}";
    }
    int offset = Integer.parseInt(q.get("offset"));
    int limit = Integer.parseInt(q.get("limit"));
    StringBuilder sb = new StringBuilder("{\"error\":0,\"message\":\"Success\",\"data\":{\"medias\":[");
    for (int i = offset; i < Math.min(posts, offset + limit); i++) {
      sb.append(i == offset ? "" : ",").append("{\"id\":\"art").append(i).append("\",\"title\":\"Bài viết ")
          .append(i).append("\",\"create_date\":").append(postedAt(i).toEpochMilli()).append(",\"total_view\":")
          .append(i * 10).append(",\"total_share\":\"").append(i % 5).append("\",\"link\":\"https://zalo.me/s/a/")
          .append(i).append("\"}");
    }
    return sb.append("],\"total\":").append(posts).append("}}").toString();
  }

  private String youtube(URI uri) {
    Map<String, String> q = query(uri);
    if (uri.getPath().endsWith("/playlistItems")) {
      int start = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken")) : 0;
      int end = Math.min(posts, start + Integer.parseInt(q.get("maxResults")));
      StringBuilder sb = new StringBuilder("{\"items\":[");
      for (int i = start; i < end; i++) {
        sb.append(i == start ? "" : ",").append("{\"contentDetails\":{\"videoId\":\"").append(q.get("playlistId"))
            .append('v').append(i).append("\",\"videoPublishedAt\":\"").append(postedAt(i)).append("\"}}");
      }
      sb.append(']');
      if (end < posts) {
        sb.append(",\"nextPageToken\":\"").append(end).append('"');
      }
      return sb.append('}').toString();
    }
    StringBuilder sb = new StringBuilder("{\"items\":[");
    String[] ids = q.get("id").split(",");
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"snippet\":{\"publishedAt\":\"")
          .append(postedAt(Integer.parseInt(ids[i].substring(ids[i].lastIndexOf('v') + 1))))
          .append("\",\"title\":\"Phóng sự ").append(i).append("\"},\"statistics\":{\"viewCount\":\"").append(i * 7)
          .append("\",\"likeCount\":\"").append(i).append("\"},\"contentDetails\":{\"duration\":\"PT7M32S\"}}");
    }
    return sb.append("]}").toString();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> m = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String p : uri.getRawQuery().split("&")) {
        int eq = p.indexOf('=');
        m.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static void answer(HttpExchange ex, AtomicInteger counter, String body) throws IOException {
    counter.incrementAndGet();
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
