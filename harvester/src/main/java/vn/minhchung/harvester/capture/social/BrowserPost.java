package vn.minhchung.harvester.capture.social;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.harvester.capture.ShownFacts;

/**
 * A post read from a rendered social page: the platform id from its permalink, the date as shown and as
 * resolved ({@code +07:00}), the message text, and the counts with their precision ("1,2K" is 1,200–1,299) beside
 * the counts as shown, and for a video the duration its player shows ("7:32" is 452 s; null when none is shown).
 */
public record BrowserPost(String platformId, String url, Optional<OffsetDateTime> postedAt, String postedAtText,
    String text, Map<String, VietnameseCounts.Range> counts, ShownFacts shown, Integer durationSeconds) {
  public BrowserPost {
    counts = Map.copyOf(counts);
  }
}
