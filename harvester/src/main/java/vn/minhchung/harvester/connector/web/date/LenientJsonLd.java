package vn.minhchung.harvester.connector.web.date;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON-LD blocks as CMSs write them, not as the spec does: {@code //} and block comments, trailing commas,
 * single-quoted strings, unquoted names, raw line breaks in strings, HTML comment or CDATA wrappers, several
 * objects in one block, {@code @graph}. A block that still cannot be parsed gives its
 * {@code datePublished} / {@code dateModified} / {@code headline} strings read by pattern. Pure.
 */
public final class LenientJsonLd {
  private LenientJsonLd() {}

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
          JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS, JsonReadFeature.ALLOW_MISSING_VALUES)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();
  private static final Pattern WRAPPER = Pattern.compile("^\\s*(?:<!--|<!\\[CDATA\\[)|(?:-->|\\]\\]>)\\s*$");
  private static final Pattern FIELD = Pattern.compile(
      "[\"']?(datePublished|dateModified|headline|@type)[\"']?\\s*:\\s*[\"']([^\"'\\n]{1,200})[\"']");

  /** The objects of one block: top-level ones, the members of {@code @graph} and each {@code mainEntity}. */
  public static List<JsonNode> objects(String block) {
    String text = WRAPPER.matcher(block).replaceAll("");
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        collect(it.nextValue(), out, 0);
      }
      return out;
    } catch (JsonProcessingException | RuntimeException e) {
      return out.isEmpty() ? byPattern(text) : out;
    } catch (IOException e) {
      return byPattern(text);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(c, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      collect(n.get("@graph"), out, depth + 1);
      JsonNode main = n.get("mainEntity");
      if (main != null && main.isObject()) {
        collect(main, out, depth + 1);
      }
    }
  }

  /** The first value of each known field of a block Jackson could not read, as one object. */
  private static List<JsonNode> byPattern(String text) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      if (!o.has(m.group(1))) {
        o.put(m.group(1), m.group(2));
      }
    }
    return o.isEmpty() ? List.of() : List.of(o);
  }
}
