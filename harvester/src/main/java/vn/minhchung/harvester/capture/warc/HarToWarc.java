package vn.minhchung.harvester.capture.warc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes the exchanges of a Playwright HAR (recorded with embedded content) as a gzipped WARC/1.1: a warcinfo
 * record, then per exchange a request and a response record. The browser hands over decoded bodies, so
 * {@code Content-Encoding}/{@code Transfer-Encoding} are dropped and {@code Content-Length} set to the stored
 * body; the warcinfo says so. Pure apart from the output stream.
 */
public final class HarToWarc {
  private static final Set<String> DROPPED = Set.of("content-encoding", "transfer-encoding", "content-length");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType OCTET_STREAM = MediaType.parse("application/octet-stream");

  private HarToWarc() {}

  /** Counts of what was written. */
  public record Written(int exchanges, int withBody) {}

  public static Written convert(byte[] har, Instant created, Map<String, String> info, OutputStream out) throws IOException {
    JsonNode entries = JSON.readTree(har).path("log").path("entries");
    Map<String, List<String>> fields = new LinkedHashMap<>();
    info.forEach((k, v) -> fields.put(k, List.of(v)));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("description", List.of("HTTP exchanges recorded by the browser (HAR); bodies are decoded, "
        + "Content-Encoding and Transfer-Encoding removed, Content-Length recomputed"));
    WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP);
    writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(created).fields(fields).build());
    int exchanges = 0;
    int withBody = 0;
    for (JsonNode e : entries) {
      JsonNode req = e.path("request");
      JsonNode resp = e.path("response");
      String url = req.path("url").asText("");
      if (!url.startsWith("http://") && !url.startsWith("https://") || resp.path("status").asInt(0) <= 0) {
        continue;
      }
      URI target = URI.create(url);
      Instant date = OffsetDateTime.parse(e.path("startedDateTime").asText()).toInstant();
      byte[] body = body(resp.path("content"));
      HttpResponse.Builder hr = new HttpResponse.Builder(resp.path("status").asInt(),
          resp.path("statusText").asText("").isEmpty() ? "-" : resp.path("statusText").asText());
      headers(resp.path("headers")).forEach(h -> hr.addHeader(h.getKey(), h.getValue()));
      hr.setHeader("Content-Length", Integer.toString(body.length));
      hr.body(mediaType(resp.path("content").path("mimeType").asText("")), body);
      WarcResponse response = new WarcResponse.Builder(target).version(MessageVersion.WARC_1_1).date(date).body(hr.build()).build();

      String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
      String requestTarget = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
      HttpRequest.Builder rq = new HttpRequest.Builder(req.path("method").asText("GET"), requestTarget);
      rq.addHeader("Host", target.getRawAuthority());
      headers(req.path("headers")).forEach(h -> rq.addHeader(h.getKey(), h.getValue()));
      JsonNode post = req.path("postData");
      if (post.has("text")) {
        byte[] pb = post.path("text").asText().getBytes(StandardCharsets.UTF_8);
        rq.setHeader("Content-Length", Integer.toString(pb.length));
        rq.body(mediaType(post.path("mimeType").asText("")), pb);
      }
      WarcRequest request = new WarcRequest.Builder(target).version(MessageVersion.WARC_1_1).date(date).body(rq.build())
          .concurrentTo(response.id()).build();
      writer.write(request);
      writer.write(response);
      exchanges++;
      if (body.length > 0) {
        withBody++;
      }
    }
    writer.close();
    return new Written(exchanges, withBody);
  }

  public static byte[] convert(byte[] har, Instant created, Map<String, String> info) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    convert(har, created, info, out);
    return out.toByteArray();
  }

  private static List<Map.Entry<String, String>> headers(JsonNode list) {
    List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    for (JsonNode h : list) {
      String name = h.path("name").asText("");
      // HTTP/2 pseudo-headers (":authority") and hop-by-hop encodings have no place in an HTTP/1.1 record.
      if (name.isEmpty() || name.startsWith(":") || DROPPED.contains(name.toLowerCase(Locale.ROOT))
          || name.equalsIgnoreCase("host")) {
        continue;
      }
      out.add(Map.entry(name, h.path("value").asText("")));
    }
    return out;
  }

  /** The browser reports odd types ("x-unknown") for bodiless answers; those become octet-stream. */
  static MediaType mediaType(String type) {
    try {
      return type.isBlank() ? OCTET_STREAM : MediaType.parse(type);
    } catch (IllegalArgumentException e) {
      return OCTET_STREAM;
    }
  }

  private static byte[] body(JsonNode content) {
    if (!content.has("text")) {
      return new byte[0];
    }
    String text = content.path("text").asText();
    return "base64".equals(content.path("encoding").asText())
        ? Base64.getDecoder().decode(text)
        : text.getBytes(StandardCharsets.UTF_8);
  }
}
