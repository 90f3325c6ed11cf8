package vn.minhchung.review.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An HTTP client with its own cookie jar, like one browser tab: logs in, reads the CSRF token, posts forms. */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  private final TestServer server;
  String csrf = "";

  Browser(TestServer server) {
    this.server = server;
  }

  static Browser loggedIn(TestServer server, String user) {
    Browser b = new Browser(server);
    HttpResponse<String> r = b.login(user, TestServer.PASSWORD);
    if (r.statusCode() != 303) {
      throw new IllegalStateException("login of " + user + " failed: " + r.statusCode());
    }
    b.get("/");
    return b;
  }

  HttpResponse<String> login(String user, String password) {
    get("/login");
    return post("/login", Map.of("username", user, "password", password));
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(WebServer.COOKIE))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts a form with the current CSRF token added. */
  HttpResponse<String> post(String path, Map<String, String> form) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(form);
    all.putIfAbsent("_csrf", csrf);
    return postRaw(path, all);
  }

  /** Posts a form with the current CSRF token added and keeps the answer as bytes (a download). */
  HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(form);
    all.putIfAbsent("_csrf", csrf);
    try {
      return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(formBody(all))).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts fields that may repeat (several {@code id} values), with the current CSRF token first. */
  HttpResponse<String> postRepeated(String path, java.util.List<Map.Entry<String, String>> fields) {
    String body = java.util.stream.Stream.concat(java.util.stream.Stream.of(Map.entry("_csrf", csrf)), fields.stream())
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Posts exactly these fields (no CSRF token unless given). */
  HttpResponse<String> postRaw(String path, Map<String, String> form) {
    return send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
  }

  /** A multipart upload with the CSRF token, fields and one file. */
  HttpResponse<String> upload(Map<String, String> fields, String fileName, byte[] content, String declaredType) {
    String boundary = "----mc" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("_csrf", csrf);
    all.putAll(fields);
    all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
        + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(server.url("/upload")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String formBody(Map<String, String> form) {
    return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
