package vn.minhchung.harvester.connector;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads platform API answers as JSON and tolerates the count shapes platforms use (numbers or numeric strings). */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}

  /** The body as a JSON tree, or a BAD_RESPONSE naming the URL and what was found instead. */
  public static JsonNode read(byte[] body, URI source) throws ConnectorException {
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).strip();
    if (head.isEmpty()) {
      throw bad(source, "expected JSON but the answer was empty");
    }
    if (head.startsWith("<")) {
      throw bad(source, "expected JSON but found an HTML/XML page" + title(head)
          + " (an error or login page from a proxy or the platform); try again later");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw bad(source, "expected a JSON object but found " + (node == null ? "nothing" : node.getNodeType()));
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
          source + ": malformed JSON" + where + ": " + e.getOriginalMessage(), null, e);
    } catch (IOException e) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE, source + ": unreadable JSON", null, e);
    }
  }

  /** Flag of a post whose platform sent a count that is not one (stored as null, never 0 or a wrapped number). */
  public static final String COUNT_UNREADABLE = "count_unreadable";

  /**
   * A count given as a number or a numeric string ("1234"); null when absent or blank, and null when it is not a
   * whole number from 0 to 10^18 ("abc", -3, 1.5, 99999999999999999999): see {@link #unreadableCount}.
   */
  public static Long count(JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() && node.asLong() >= 0 ? number(Long.toString(node.asLong())) : null;
    }
    return node.isTextual() ? number(node.asText()) : null;
  }

  /** Whether the node holds something that should be a count but is not readable as one. */
  public static boolean unreadableCount(JsonNode node) {
    return !absent(node) && count(node) == null;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || node.isTextual() && node.asText().isBlank();
  }

  /** A non-negative whole number written as digits ("1234"); null otherwise. */
  public static Long number(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return t.matches("\\d{1,18}") ? Long.parseLong(t) : null;
  }

  /** A text field, or null when absent, null or blank. */
  public static String text(JsonNode parent, String field) {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String t = n.asText();
    return t.isBlank() ? null : t;
  }

  private static ConnectorException bad(URI source, String what) {
    return new ConnectorException(ConnectorException.Kind.BAD_RESPONSE, source + ": " + what);
  }

  private static String title(String head) {
    String lower = head.toLowerCase(Locale.ROOT);
    int start = lower.indexOf("<title>");
    int end = lower.indexOf("</title>");
    if (start < 0 || end < start) {
      return "";
    }
    String t = head.substring(start + 7, end).strip();
    return " titled \"" + (t.length() > 80 ? t.substring(0, 80) + "…" : t) + "\"";
  }
}
