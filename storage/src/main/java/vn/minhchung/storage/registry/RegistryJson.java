package vn.minhchung.storage.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.registry.ChannelEntry;
import vn.minhchung.config.registry.ItemEntry;
import vn.minhchung.config.registry.PlanEntry;
import vn.minhchung.config.registry.TargetEntry;
import vn.minhchung.config.registry.UnitEntry;

/**
 * JSON forms of registry entries: the stored options and keywords columns, and the snapshots written to the
 * audit log. Two entries are the same state exactly when their snapshots are equal, which is how import
 * decides that nothing changed.
 */
public final class RegistryJson {
  private RegistryJson() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String unit(UnitEntry u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", u.code());
    m.put("name", u.name());
    m.put("parent", u.parent());
    return write(m);
  }

  static String channel(ChannelEntry c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code());
    m.put("unit", c.unit());
    m.put("kind", c.kind().code());
    m.put("name", c.name());
    m.put("url", c.url());
    m.put("platformId", c.platformId());
    m.put("schedule", c.schedule());
    m.put("active", c.active());
    m.put("options", c.options());
    return write(m);
  }

  static String plan(PlanEntry p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("title", p.title());
    m.put("issuer", p.issuer());
    m.put("issuedOn", p.issuedOn() == null ? null : p.issuedOn().toString());
    m.put("components", p.components());
    return write(m);
  }

  static String item(String plan, int position, ItemEntry i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plan", plan);
    m.put("code", i.code());
    m.put("position", position);
    m.put("title", i.title());
    m.put("lead", i.lead());
    m.put("cooperating", i.cooperating());
    m.put("timing", i.timing());
    m.put("deadline", i.deadline() == null ? null : i.deadline().toString());
    m.put("products", i.products());
    m.put("keywords", i.keywords());
    m.put("components", i.components());
    m.put("unitDeadlines", i.unitDeadlines().toColumn());
    m.put("targets", i.targets().stream().map(RegistryJson::target).toList());
    return write(m);
  }

  private static Map<String, Object> target(TargetEntry t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("component", t.component());
    if (t.kind() != null) {
      m.put("kind", t.kind().code());
    }
    m.put("description", t.description());
    m.put("count", t.count());
    m.put("minDuration", t.minDuration() == null ? null : t.minDuration().toString());
    m.put("maxDuration", t.maxDuration() == null ? null : t.maxDuration().toString());
    return m;
  }

  /** Options as stored: a single value as a string, several as an array. Null when there are none. */
  public static String options(Map<String, List<String>> options) {
    if (options.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    options.forEach((k, v) -> m.put(k, v.size() == 1 ? v.get(0) : v));
    return write(m);
  }

  public static Map<String, List<String>> readOptions(String json) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    Map<String, Object> m = read(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    m.forEach((k, v) -> out.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(v))));
    return out;
  }

  static String keywords(List<String> keywords) {
    return keywords.isEmpty() ? null : write(keywords);
  }

  static List<String> readKeywords(String json) {
    return json == null || json.isBlank() ? List.of() : read(json, new TypeReference<List<String>>() {});
  }

  private static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write registry JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored registry JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
