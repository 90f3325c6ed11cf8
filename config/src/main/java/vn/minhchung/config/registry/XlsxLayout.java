package vn.minhchung.config.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workbook form of the registry: one sheet per section, a header row with the YAML key names, one entry
 * per row. Items and targets name their plan (and item) code; lists are comma-separated; channel options are
 * columns named {@code options.<key>} (e.g. {@code options.feedUrl}).
 */
final class XlsxLayout {
  private XlsxLayout() {}

  static final String UNITS = "units";
  static final String CHANNELS = "channels";
  static final String PLANS = "plans";
  static final String ITEMS = "items";
  static final String TARGETS = "targets";

  static final Map<String, List<String>> COLUMNS = Map.of(
      UNITS, RegistryBinder.UNIT_KEYS,
      CHANNELS, RegistryBinder.CHANNEL_KEYS.stream().filter(k -> !k.equals("options")).toList(),
      PLANS, RegistryBinder.PLAN_KEYS.stream().filter(k -> !k.equals("items")).toList(),
      ITEMS, concat(List.of("plan"), RegistryBinder.ITEM_KEYS.stream().filter(k -> !k.equals("targets")).toList()),
      TARGETS, concat(List.of("plan", "item"), RegistryBinder.TARGET_KEYS));

  static final List<String> SHEETS = List.of(UNITS, CHANNELS, PLANS, ITEMS, TARGETS);

  /** Columns whose cell holds a comma-separated list. */
  static final Set<String> LIST_COLUMNS = Set.of("cooperating", "keywords", "components", "unitDeadlines");

  static final String OPTION_PREFIX = "options.";

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
