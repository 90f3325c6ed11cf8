package vn.minhchung.config.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan item (nhiệm vụ). {@code lead}, {@code timing}, {@code deadline} and {@code products} may be null;
 * {@code cooperating} are unit codes.
 */
public record ItemEntry(String code, String title, String lead, List<String> cooperating, String timing,
    LocalDate deadline, String products, List<String> keywords, List<TargetEntry> targets, Where where) {

  public ItemEntry {
    cooperating = List.copyOf(cooperating);
    keywords = List.copyOf(keywords);
    targets = List.copyOf(targets);
  }
}
