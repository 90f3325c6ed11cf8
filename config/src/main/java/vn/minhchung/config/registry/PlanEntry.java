package vn.minhchung.config.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan (kế hoạch) with its items; {@code issuer} and {@code issuedOn} may be null. {@code components} is the
 * default list of expected evidence components of its items, null when not given (all six).
 */
public record PlanEntry(String code, String title, String issuer, LocalDate issuedOn, List<Integer> components,
    List<ItemEntry> items, Where where) {

  public PlanEntry {
    components = components == null ? null : List.copyOf(components);
    items = List.copyOf(items);
  }
}
