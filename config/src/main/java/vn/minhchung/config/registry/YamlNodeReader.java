package vn.minhchung.config.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import vn.minhchung.config.text.VietnameseText;

/** Reads YAML text into a located {@link Node} tree with Jackson's streaming parser; all text NFC. */
final class YamlNodeReader {
  private final String file;
  private final List<RegistryProblem> problems;

  YamlNodeReader(String file, List<RegistryProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The root node, or empty when the text is not valid YAML (the problem is recorded) or holds no document. */
  Optional<Node> read(String text) {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024));
    lo.setAllowDuplicateKeys(true);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(lo).build();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return Optional.empty();
      }
      return Optional.of(node(p));
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Location at = loc == null ? Location.yaml(file, 1, 1) : Location.yaml(file, loc.getLineNr(), loc.getColumnNr());
      problems.add(new RegistryProblem(at, "(file)", "invalid YAML: " + describe(e)
          + "; check indentation and quoting near this line"));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Node node(JsonParser p) throws IOException {
    Location at = here(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    // An alias repeats a node anywhere (and a few nested ones expand into billions: "billion laughs"); a
    // registry is read by people, so every value is written out where it applies.
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      problems.add(new RegistryProblem(at, "(file)", "YAML alias '*" + p.getText()
          + "' is not allowed in the registry; write the value out in full here"));
      return new Node.ScalarNode("*" + p.getText(), at);
    }
    refuseAnchor(p, at);
    if (t == JsonToken.START_OBJECT) {
      LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = VietnameseText.nfc(p.currentName());
        Location keyAt = here(p.currentTokenLocation());
        refuseAnchor(p, keyAt);
        p.nextToken();
        Node value = node(p);
        if (fields.containsKey(key)) {
          problems.add(new RegistryProblem(keyAt, key, "duplicate key; it is already given at "
              + fields.get(key).keyAt() + "; keep one"));
          continue;
        }
        fields.put(key, new Node.Field(key, keyAt, value));
      }
      return new Node.MapNode(fields, at);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(p));
      }
      return new Node.ListNode(items, at);
    }
    if (t == JsonToken.VALUE_NULL) {
      return new Node.ScalarNode(null, at);
    }
    return new Node.ScalarNode(VietnameseText.nfc(p.getText()), at);
  }

  private void refuseAnchor(JsonParser p, Location at) throws IOException {
    if (p.getObjectId() != null) {
      problems.add(new RegistryProblem(at, "(file)", "YAML anchor '&" + p.getObjectId()
          + "' is not allowed in the registry (aliases are refused); remove it"));
    }
  }

  private Location here(JsonLocation loc) {
    return Location.yaml(file, loc.getLineNr(), loc.getColumnNr());
  }

  /** SnakeYAML's problem ("expected <block end>, but found …") with its context, else Jackson's first line. */
  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      return m.getProblem() + (m.getContext() == null ? "" : " (" + m.getContext() + ")");
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
