package vn.minhchung.harvester.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** The {@code --json} output of list commands: an array of objects with stable camelCase fields, nulls kept. */
final class Json {
  private Json() {}

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String array(List<? extends Map<String, ?>> rows) {
    return write(rows);
  }

  /** One object (commands that report on one thing, e.g. {@code session check --json}). */
  static String object(Map<String, ?> row) {
    return write(row);
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
