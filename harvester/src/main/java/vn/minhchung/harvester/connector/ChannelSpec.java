package vn.minhchung.harvester.connector;

import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;

/** A channel as a connector sees it: no entity, no session. {@code options} are the registry's per-kind options. */
public record ChannelSpec(long id, String code, String unitCode, ChannelKind kind, String name, String url,
    Optional<String> platformId, Map<String, String> options) {

  public ChannelSpec {
    options = Map.copyOf(options);
  }

  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key)).filter(v -> !v.isBlank());
  }
}
