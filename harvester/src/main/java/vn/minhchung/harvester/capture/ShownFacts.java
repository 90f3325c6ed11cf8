package vn.minhchung.harvester.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A post's date and counts exactly as the page shows them ("Hôm qua lúc 10:30", "1,2K"). Count keys are
 * {@code reactions}, {@code comments}, {@code shares}, {@code views}.
 */
public record ShownFacts(Optional<String> postedAtText, Map<String, String> counts) {
  public static final ShownFacts NONE = new ShownFacts(Optional.empty(), Map.of());

  public ShownFacts {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public static ShownFacts of(String postedAtText, Map<String, String> counts) {
    return new ShownFacts(Optional.ofNullable(postedAtText).filter(s -> !s.isBlank()), counts);
  }

  public boolean isEmpty() {
    return postedAtText.isEmpty() && counts.isEmpty();
  }

  /** Vietnamese name of a count key, for the band and the review screens. */
  public static String label(String key) {
    return switch (key) {
      case "reactions" -> "Cảm xúc";
      case "comments" -> "Bình luận";
      case "shares" -> "Chia sẻ";
      case "views" -> "Lượt xem";
      default -> key;
    };
  }
}
