package vn.minhchung.harvester.connector.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.harvester.http.HttpResult;

/**
 * The highest usage percentage in Graph's rate-limit headers ({@code X-App-Usage}, {@code X-Page-Usage},
 * {@code X-Business-Use-Case-Usage}) and the longest {@code estimated_time_to_regain_access} (minutes).
 */
public record FacebookUsage(int maxPercent, Duration regainAccess) {
  public static final FacebookUsage NONE = new FacebookUsage(0, Duration.ZERO);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static FacebookUsage of(HttpResult result) {
    return parse(result.header("X-App-Usage"), result.header("X-Page-Usage"),
        result.header("X-Business-Use-Case-Usage"));
  }

  /** Unreadable headers count as no information: they must never fail a harvest. */
  static FacebookUsage parse(Optional<String> app, Optional<String> page, Optional<String> business) {
    int max = Math.max(percent(json(app)), percent(json(page)));
    long regainMinutes = 0;
    JsonNode buc = json(business);
    for (Iterator<Map.Entry<String, JsonNode>> it = buc.fields(); it.hasNext(); ) {
      for (JsonNode entry : it.next().getValue()) {
        max = Math.max(max, percent(entry));
        regainMinutes = Math.max(regainMinutes, entry.path("estimated_time_to_regain_access").asLong(0));
      }
    }
    return new FacebookUsage(max, Duration.ofMinutes(regainMinutes));
  }

  private static int percent(JsonNode n) {
    int max = 0;
    for (String f : new String[] {"call_count", "total_time", "total_cputime"}) {
      max = Math.max(max, n.path(f).asInt(0));
    }
    return max;
  }

  private static JsonNode json(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode n = MAPPER.readTree(header.get());
      return n == null ? MAPPER.createObjectNode() : n;
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }
}
