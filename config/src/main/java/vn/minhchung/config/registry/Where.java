package vn.minhchung.config.registry;

import java.util.Map;

/** The location of an entry and of each of its fields, so that problems point at the exact value. */
public record Where(Location entry, Map<String, Location> fields) {

  public static final Where NONE = new Where(Location.NONE, Map.of());

  public Where {
    fields = Map.copyOf(fields);
  }

  /** The location of a field's value, or of the entry when the field is absent. */
  public Location at(String field) {
    return fields.getOrDefault(field, entry);
  }
}
