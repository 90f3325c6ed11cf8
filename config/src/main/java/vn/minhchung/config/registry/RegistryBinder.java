package vn.minhchung.config.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a located {@link Node} tree into a {@link RegistryDocument}: known keys only, required fields present,
 * values of the right type and format. Cross-entry rules (duplicates, references, URLs) are
 * {@link RegistryValidator}'s.
 */
final class RegistryBinder {
  static final Set<String> ROOT_KEYS = Set.of("units", "channels", "plans");
  static final List<String> UNIT_KEYS = List.of("code", "name", "parent");
  static final List<String> CHANNEL_KEYS =
      List.of("code", "unit", "kind", "name", "url", "platformId", "schedule", "active", "options");
  static final List<String> PLAN_KEYS = List.of("code", "title", "issuer", "issuedOn", "components", "items");
  static final List<String> ITEM_KEYS =
      List.of("code", "title", "lead", "cooperating", "timing", "deadline", "products", "keywords", "components",
          "unitDeadline", "unitDeadlines", "targets");
  static final List<String> TARGET_KEYS = List.of("component", "kind", "description", "count", "minDuration",
      "maxDuration");

  private final List<RegistryProblem> problems;

  RegistryBinder(List<RegistryProblem> problems) {
    this.problems = problems;
  }

  RegistryDocument bind(Node root) {
    List<UnitEntry> units = new ArrayList<>();
    List<ChannelEntry> channels = new ArrayList<>();
    List<PlanEntry> plans = new ArrayList<>();
    if (!(root instanceof Node.MapNode map)) {
      problem(root.at(), "(file)", "expected a mapping with units, channels and plans but found " + Node.describe(root));
      return new RegistryDocument(units, channels, plans);
    }
    for (Node.Field f : map.fields().values()) {
      if (!ROOT_KEYS.contains(f.key())) {
        problem(f.keyAt(), f.key(), "unknown key; expected one of units, channels, plans");
      }
    }
    for (Node.MapNode m : entries(map, "units")) {
      Fields fs = fields(m, "units[]", UNIT_KEYS);
      units.add(new UnitEntry(fs.text("code", true), fs.text("name", true), fs.text("parent", false), fs.where()));
    }
    for (Node.MapNode m : entries(map, "channels")) {
      channels.add(channel(fields(m, "channels[]", CHANNEL_KEYS)));
    }
    for (Node.MapNode m : entries(map, "plans")) {
      Fields fs = fields(m, "plans[]", PLAN_KEYS);
      List<ItemEntry> items = new ArrayList<>();
      for (Node.MapNode im : entries(m, "items")) {
        items.add(item(fields(im, "items[]", ITEM_KEYS)));
      }
      plans.add(new PlanEntry(fs.text("code", true), fs.text("title", true), fs.text("issuer", false),
          fs.date("issuedOn"), fs.components(), items, fs.where()));
    }
    return new RegistryDocument(units, channels, plans);
  }

  private ChannelEntry channel(Fields fs) {
    String kindText = fs.text("kind", true);
    ChannelKind kind = null;
    if (kindText != null) {
      kind = ChannelKind.fromCode(kindText.trim()).orElse(null);
      if (kind == null) {
        problem(fs.where().at("kind"), "kind", "unknown channel kind '" + kindText + "'; expected one of "
            + ChannelKind.allCodes());
      }
    }
    Boolean active = fs.bool("active");
    return new ChannelEntry(fs.text("code", true), fs.text("unit", true), kind, fs.text("name", true),
        fs.text("url", true), fs.text("platformId", false), fs.text("schedule", false),
        active == null || active, options(fs), fs.where());
  }

  private Map<String, List<String>> options(Fields fs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Node n = fs.node("options");
    if (n == null || n instanceof Node.ScalarNode s && s.text() == null) {
      return out;
    }
    if (!(n instanceof Node.MapNode m)) {
      problem(n.at(), "options", "expected a mapping of option keys but found " + Node.describe(n));
      return out;
    }
    for (Node.Field f : m.fields().values()) {
      List<String> values = stringList(f.value(), "options." + f.key());
      if (!values.isEmpty()) {
        out.put(f.key(), values);
        fs.locate("options." + f.key(), f.value().at());
        fs.locate("options." + f.key() + "#key", f.keyAt());
      }
    }
    return out;
  }

  private ItemEntry item(Fields fs) {
    List<TargetEntry> targets = new ArrayList<>();
    for (Node.MapNode tm : entries(fs.map, "targets")) {
      Fields ts = fields(tm, "targets[]", TARGET_KEYS);
      Integer component = ts.integer("component", true);
      Integer count = ts.integer("count", true);
      targets.add(new TargetEntry(component == null ? 0 : component, ts.kind("kind"), ts.text("description", true),
          count == null ? 0 : count, ts.duration("minDuration"), ts.duration("maxDuration"), ts.where()));
    }
    return new ItemEntry(fs.text("code", true), fs.text("title", true), fs.text("lead", false),
        fs.list("cooperating"), fs.text("timing", false), fs.date("deadline"), fs.text("products", false),
        fs.list("keywords"), fs.components(), targets,
        new UnitDeadlines(fs.date("unitDeadline"), fs.unitDeadlines()), fs.where());
  }

  /** The mapping entries of an optional list field. */
  private List<Node.MapNode> entries(Node.MapNode parent, String key) {
    Node.Field f = parent.fields().get(key);
    List<Node.MapNode> out = new ArrayList<>();
    if (f == null || f.value() instanceof Node.ScalarNode s && s.text() == null) {
      return out;
    }
    if (!(f.value() instanceof Node.ListNode list)) {
      problem(f.value().at(), key, "expected a list of entries (lines starting with '-') but found "
          + Node.describe(f.value()));
      return out;
    }
    for (Node n : list.items()) {
      if (n instanceof Node.MapNode m) {
        out.add(m);
      } else {
        problem(n.at(), key, "expected an entry with keys but found " + Node.describe(n));
      }
    }
    return out;
  }

  private Fields fields(Node.MapNode m, String section, List<String> known) {
    for (Node.Field f : m.fields().values()) {
      if (!known.contains(f.key())) {
        problem(f.keyAt(), f.key(), "unknown key in " + section + "; expected one of " + String.join(", ", known));
      }
    }
    return new Fields(m);
  }

  private List<String> stringList(Node n, String field) {
    List<String> out = new ArrayList<>();
    if (n instanceof Node.ScalarNode s) {
      if (s.text() != null && !s.text().isBlank()) {
        out.add(s.text().trim());
      }
    } else if (n instanceof Node.ListNode l) {
      for (Node i : l.items()) {
        if (i instanceof Node.ScalarNode s && s.text() != null && !s.text().isBlank()) {
          out.add(s.text().trim());
        } else if (!(i instanceof Node.ScalarNode)) {
          problem(i.at(), field, "expected a single value in the list but found " + Node.describe(i));
        }
      }
    } else {
      problem(n.at(), field, "expected a value or a list of values but found " + Node.describe(n));
    }
    return out;
  }

  private void problem(Location at, String field, String message) {
    problems.add(new RegistryProblem(at, field, message));
  }

  /** Typed access to the fields of one entry, recording each value's location. */
  private final class Fields {
    final Node.MapNode map;
    final Map<String, Location> at = new LinkedHashMap<>();

    Fields(Node.MapNode map) {
      this.map = map;
      map.fields().forEach((k, f) -> at.put(k, f.value().at()));
    }

    Where where() {
      return new Where(map.at(), at);
    }

    void locate(String field, Location l) {
      at.put(field, l);
    }

    Node node(String key) {
      Node.Field f = map.fields().get(key);
      return f == null ? null : f.value();
    }

    String text(String key, boolean required) {
      Node n = node(key);
      if (n instanceof Node.ScalarNode s && s.text() != null && !s.text().isBlank()) {
        return s.text().trim();
      }
      if (n != null && !(n instanceof Node.ScalarNode)) {
        problem(n.at(), key, "expected a single value but found " + Node.describe(n));
      } else if (required) {
        problem(n == null ? map.at() : n.at(), key, "missing; this field is required");
      }
      return null;
    }

    List<String> list(String key) {
      Node n = node(key);
      return n == null ? List.of() : stringList(n, key);
    }

    /**
     * The expected evidence components: null when absent (inherit), else the numbers 1..6 listed; {@code []}
     * or {@code -} for none.
     */
    List<Integer> components() {
      Node n = node("components");
      if (n == null || n instanceof Node.ScalarNode s && (s.text() == null || s.text().isBlank())) {
        return null;
      }
      List<Integer> out = new ArrayList<>();
      for (String v : stringList(n, "components")) {
        if (v.equals(ExpectedComponents.NONE)) {
          continue;
        }
        Integer c = null;
        try {
          c = Integer.valueOf(v);
        } catch (NumberFormatException e) {
          // reported below
        }
        if (c == null || EvidenceComponent.of(c).isEmpty()) {
          problem(n.at(), "components", "expected evidence component numbers 1..6 (e.g. [1, 2, 5]; [] or '"
              + ExpectedComponents.NONE + "' when the item needs a report only) but found '" + v + "'");
        } else if (out.contains(c)) {
          problem(n.at(), "components", "component " + c + " is listed twice");
        } else {
          out.add(c);
        }
      }
      return out;
    }

    /**
     * {@code unitDeadlines}: a mapping of unit code to date dd/MM/yyyy, or values "UNIT=dd/MM/yyyy" (the
     * workbook's comma-separated cell).
     */
    Map<String, LocalDate> unitDeadlines() {
      Node n = node("unitDeadlines");
      Map<String, LocalDate> out = new LinkedHashMap<>();
      if (n == null || n instanceof Node.ScalarNode s && (s.text() == null || s.text().isBlank())) {
        return out;
      }
      if (n instanceof Node.MapNode m) {
        for (Node.Field f : m.fields().values()) {
          String v = f.value() instanceof Node.ScalarNode s && s.text() != null ? s.text().trim() : null;
          unitDeadline(out, f.key(), v, f.value().at());
        }
        return out;
      }
      for (String v : stringList(n, "unitDeadlines")) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
          problem(n.at(), "unitDeadlines", "expected UNIT=dd/MM/yyyy (e.g. SYT=28/12/2025) but found '" + v + "'");
        } else {
          unitDeadline(out, v.substring(0, eq).trim(), v.substring(eq + 1).trim(), n.at());
        }
      }
      return out;
    }

    private void unitDeadline(Map<String, LocalDate> out, String unit, String value, Location where) {
      LocalDate d = value == null ? null : RegistryFormats.parseDate(value).orElse(null);
      if (d == null) {
        problem(where, "unitDeadlines", "unit " + unit + ": expected a date dd/MM/yyyy such as 28/12/2025 but was '"
            + value + "'");
      } else if (out.containsKey(unit)) {
        problem(where, "unitDeadlines", "unit " + unit + " is listed twice");
      } else {
        out.put(unit, d);
      }
    }

    LocalDate date(String key) {
      String t = text(key, false);
      if (t == null) {
        return null;
      }
      LocalDate d = RegistryFormats.parseDate(t).orElse(null);
      if (d == null) {
        problem(at.get(key), key, "expected a date dd/MM/yyyy such as 15/11/2026 but was '" + t + "'");
      }
      return d;
    }

    EvidenceKind kind(String key) {
      String t = text(key, false);
      if (t == null) {
        return null;
      }
      EvidenceKind k = EvidenceKind.of(t).orElse(null);
      if (k == null) {
        problem(at.get(key), key, "expected one of " + EvidenceKind.codes() + " but was '" + t + "'");
      }
      return k;
    }

    Duration duration(String key) {
      String t = text(key, false);
      if (t == null) {
        return null;
      }
      Duration d = RegistryFormats.parseDuration(t).orElse(null);
      if (d == null) {
        problem(at.get(key), key, "expected a positive ISO-8601 duration such as PT5M or PT1H30M but was '" + t + "'");
      }
      return d;
    }

    Integer integer(String key, boolean required) {
      String t = text(key, required);
      if (t == null) {
        return null;
      }
      try {
        return Integer.valueOf(t);
      } catch (NumberFormatException e) {
        problem(at.get(key), key, "expected a whole number but was '" + t + "'");
        return null;
      }
    }

    Boolean bool(String key) {
      String t = text(key, false);
      if (t == null) {
        return null;
      }
      String v = t.toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Boolean.valueOf(v);
      }
      problem(at.get(key), key, "expected true or false but was '" + t + "'");
      return null;
    }
  }
}
