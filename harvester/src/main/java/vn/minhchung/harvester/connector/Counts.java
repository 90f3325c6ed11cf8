package vn.minhchung.harvester.connector;

import java.util.Map;

/**
 * Interaction counts as read; null where the platform does not show that count. A count read from a page in a
 * shortened form ("1,2K") is the value shown (1200) with its upper bound in {@code upper} by key (1299); a key
 * absent from {@code upper} is exact.
 */
public record Counts(Long reactions, Long comments, Long shares, Long views, Long likes, Map<String, Long> upper) {
  public static final Counts NONE = new Counts(null, null, null, null, null);

  public Counts {
    upper = upper == null ? Map.of() : Map.copyOf(upper);
  }

  /** Exact counts. */
  public Counts(Long reactions, Long comments, Long shares, Long views, Long likes) {
    this(reactions, comments, shares, views, likes, Map.of());
  }

  public boolean isEmpty() {
    return reactions == null && comments == null && shares == null && views == null && likes == null;
  }
}
