package vn.minhchung.config.registry;

import java.time.LocalDate;
import java.util.List;

/** A plan (kế hoạch) with its items; {@code issuer} and {@code issuedOn} may be null. */
public record PlanEntry(String code, String title, String issuer, LocalDate issuedOn, List<ItemEntry> items,
    Where where) {

  public PlanEntry {
    items = List.copyOf(items);
  }
}
