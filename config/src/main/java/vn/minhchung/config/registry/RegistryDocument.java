package vn.minhchung.config.registry;

import java.util.List;

/**
 * A registry file as read: units, channels and plans (with their items and targets), in file order, NFC text,
 * each entry with its {@link Where}. Produced by {@link RegistryFile}, written back by {@link RegistryYamlWriter}.
 */
public record RegistryDocument(List<UnitEntry> units, List<ChannelEntry> channels, List<PlanEntry> plans) {

  public RegistryDocument {
    units = List.copyOf(units);
    channels = List.copyOf(channels);
    plans = List.copyOf(plans);
  }

  public int itemCount() {
    return plans.stream().mapToInt(p -> p.items().size()).sum();
  }

  public int targetCount() {
    return plans.stream().flatMap(p -> p.items().stream()).mapToInt(i -> i.targets().size()).sum();
  }
}
