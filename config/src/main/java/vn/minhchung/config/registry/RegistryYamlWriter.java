package vn.minhchung.config.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link RegistryDocument} as the YAML of ARCHITECTURE.md; reading it back gives the same document. */
public final class RegistryYamlWriter {
  private RegistryYamlWriter() {}

  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  public static String write(RegistryDocument doc) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("units", doc.units().stream().map(RegistryYamlWriter::unit).toList());
    root.put("channels", doc.channels().stream().map(RegistryYamlWriter::channel).toList());
    root.put("plans", doc.plans().stream().map(RegistryYamlWriter::plan).toList());
    try {
      return "# Registry exported by the harvester (registry export); import it with: registry import FILE\n"
          + MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the registry as YAML", e);
    }
  }

  private static Map<String, Object> unit(UnitEntry u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", u.code());
    m.put("name", u.name());
    putIf(m, "parent", u.parent());
    return m;
  }

  private static Map<String, Object> channel(ChannelEntry c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code());
    m.put("unit", c.unit());
    m.put("kind", c.kind().code());
    m.put("name", c.name());
    m.put("url", c.url());
    putIf(m, "platformId", c.platformId());
    putIf(m, "schedule", c.schedule());
    if (!c.active()) {
      m.put("active", false);
    }
    if (!c.options().isEmpty()) {
      Map<String, Object> o = new LinkedHashMap<>();
      c.options().forEach((k, v) -> o.put(k, v.size() == 1 ? v.get(0) : v));
      m.put("options", o);
    }
    return m;
  }

  private static Map<String, Object> plan(PlanEntry p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("title", p.title());
    putIf(m, "issuer", p.issuer());
    if (p.issuedOn() != null) {
      m.put("issuedOn", RegistryFormats.formatDate(p.issuedOn()));
    }
    if (p.components() != null) {
      m.put("components", p.components());
    }
    List<Object> items = new ArrayList<>();
    for (ItemEntry i : p.items()) {
      items.add(item(i));
    }
    m.put("items", items);
    return m;
  }

  private static Map<String, Object> item(ItemEntry i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", i.code());
    m.put("title", i.title());
    putIf(m, "lead", i.lead());
    if (!i.cooperating().isEmpty()) {
      m.put("cooperating", i.cooperating());
    }
    putIf(m, "timing", i.timing());
    if (i.deadline() != null) {
      m.put("deadline", RegistryFormats.formatDate(i.deadline()));
    }
    putIf(m, "products", i.products());
    if (!i.keywords().isEmpty()) {
      m.put("keywords", i.keywords());
    }
    if (i.components() != null) {
      m.put("components", i.components());
    }
    if (i.unitDeadlines().cooperating() != null) {
      m.put("unitDeadline", RegistryFormats.formatDate(i.unitDeadlines().cooperating()));
    }
    if (!i.unitDeadlines().byUnit().isEmpty()) {
      Map<String, Object> byUnit = new LinkedHashMap<>();
      i.unitDeadlines().byUnit().forEach((u, d) -> byUnit.put(u, RegistryFormats.formatDate(d)));
      m.put("unitDeadlines", byUnit);
    }
    if (!i.targets().isEmpty()) {
      m.put("targets", i.targets().stream().map(RegistryYamlWriter::target).toList());
    }
    return m;
  }

  private static Map<String, Object> target(TargetEntry t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("component", t.component());
    if (t.kind() != null) {
      m.put("kind", t.kind().code());
    }
    m.put("description", t.description());
    m.put("count", t.count());
    if (t.minDuration() != null) {
      m.put("minDuration", t.minDuration().toString());
    }
    if (t.maxDuration() != null) {
      m.put("maxDuration", t.maxDuration().toString());
    }
    return m;
  }

  private static void putIf(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
