package vn.minhchung.config.registry;

import java.util.List;
import java.util.Map;

/**
 * An official channel. {@code platformId} and {@code schedule} may be null (the scheduler then uses
 * {@code schedule.defaultCron}); {@code options} maps an option key to its values (one value except for
 * feed and sitemap URLs), in file order.
 */
public record ChannelEntry(String code, String unit, ChannelKind kind, String name, String url, String platformId,
    String schedule, boolean active, Map<String, List<String>> options, Where where) {

  public ChannelEntry {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }
}
