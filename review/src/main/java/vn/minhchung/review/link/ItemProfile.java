package vn.minhchung.review.link;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What auto-linking knows of a plan item: its keywords as folded phrases (abbreviations expanded), the units
 * that lead or cooperate, and the window in which its evidence can fall (plan issued .. item deadline; either
 * end may be open).
 */
public record ItemProfile(long itemId, String itemCode, List<String> keywords, Set<String> unitCodes, LocalDate from,
    LocalDate to) {

  public ItemProfile {
    keywords = List.copyOf(keywords);
    unitCodes = Set.copyOf(unitCodes);
  }

  public static ItemProfile of(long itemId, String itemCode, List<String> rawKeywords, Set<String> unitCodes,
      LocalDate from, LocalDate to) {
    List<String> folded = rawKeywords.stream().map(LinkScorer::normalize).filter(k -> !k.isBlank()).distinct().toList();
    return new ItemProfile(itemId, itemCode, folded, unitCodes, from, to);
  }

  boolean inWindow(LocalDate d) {
    return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
  }
}
