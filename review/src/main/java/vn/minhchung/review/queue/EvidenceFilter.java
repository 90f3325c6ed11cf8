package vn.minhchung.review.queue;

import java.time.LocalDate;

/**
 * What the evidence queue shows; every field is optional (null = any). {@code query} is free text matched
 * word by word against the folded search text; {@code linkState} keeps evidence with a link in that state (to the
 * chosen plan and item when those are set);
 * {@code beforeId} is the keyset cursor (show evidence with a smaller id); {@code flag} keeps evidence whose post
 * carries that flag ({@link PostFlags}); {@code kind} keeps evidence of that kind (an {@code EvidenceKind} code).
 */
public record EvidenceFilter(String planCode, Long itemId, Long unitId, Long channelId, Integer component, String status,
    String linkState, LocalDate from, LocalDate to, String query, Long beforeId, String flag, String kind) {

  /** Any kind. */
  public EvidenceFilter(String planCode, Long itemId, Long unitId, Long channelId, Integer component, String status,
      String linkState, LocalDate from, LocalDate to, String query, Long beforeId, String flag) {
    this(planCode, itemId, unitId, channelId, component, status, linkState, from, to, query, beforeId, flag, null);
  }

  public static EvidenceFilter all() {
    return new EvidenceFilter(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public EvidenceFilter withBefore(Long id) {
    return new EvidenceFilter(planCode, itemId, unitId, channelId, component, status, linkState, from, to, query, id, flag,
        kind);
  }
}
