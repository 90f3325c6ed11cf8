package vn.minhchung.review.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Before/after snapshots for audit events, as compact JSON objects (null values kept). */
final class Json {
  private Json() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** {@code Json.of("status", "approved", "reason", null)} → {@code {"status":"approved","reason":null}}. */
  static String of(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    try {
      return MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise audit snapshot", e);
    }
  }
}
