package vn.minhchung.harvester.capture;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A post's date and counts: as the page shows them ("Hôm qua lúc 10:30", "1,2K"), or as the harvest read them
 * from an API (exact counts such as "1444", the date as the API gave it) with the resolved {@code postedAt}.
 * Count keys are {@code reactions}, {@code comments}, {@code shares}, {@code views}, {@code likes}.
 */
public record ShownFacts(Optional<String> postedAtText, Map<String, String> counts, Optional<Instant> postedAt) {
  public static final ShownFacts NONE = new ShownFacts(Optional.empty(), Map.of(), Optional.empty());

  public ShownFacts {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** Facts read from a page, without a resolved date. */
  public ShownFacts(Optional<String> postedAtText, Map<String, String> counts) {
    this(postedAtText, counts, Optional.empty());
  }

  public static ShownFacts of(String postedAtText, Map<String, String> counts) {
    return new ShownFacts(Optional.ofNullable(postedAtText).filter(s -> !s.isBlank()), counts);
  }

  /**
   * What the harvest knows about a post: when it was posted (may be null), the date text the platform gave
   * (may be null) and the counts of its latest snapshot as text (exact ones as digits, shortened ones as the page
   * showed them, "1,2K").
   */
  public static ShownFacts known(Instant postedAt, String postedAtText, Map<String, String> counts) {
    return new ShownFacts(Optional.ofNullable(postedAtText).filter(s -> !s.isBlank()), counts,
        Optional.ofNullable(postedAt));
  }

  public boolean isEmpty() {
    return postedAtText.isEmpty() && counts.isEmpty() && postedAt.isEmpty();
  }

  /** Vietnamese name of a count key, for the band and the review screens. */
  public static String label(String key) {
    return switch (key) {
      case "reactions" -> "Cảm xúc";
      case "comments" -> "Bình luận";
      case "shares" -> "Chia sẻ";
      case "views" -> "Lượt xem";
      case "likes" -> "Lượt thích";
      default -> key;
    };
  }
}
