package vn.minhchung.harvester.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One post, article, video or page observation as read from a platform. {@code platformId} is stable per
 * channel (Graph post id, Zalo article id, YouTube video id, canonical URL of an article). {@code postedAt}
 * is null when no date could be read (the post is kept and flagged {@code no_date}, never given "now");
 * {@code postedAtText} is the text it was read from. {@code flags} are reasons for review such as
 * {@code no_date}, {@code future_date}, {@code watch_absent}.
 */
public record HarvestedPost(String platformId, PostKind kind, String url, String canonicalUrl, String title,
    String lead, String body, String author, String section, String imageUrl, Instant postedAt,
    String postedAtText, Integer durationSeconds, Counts counts, Set<String> flags) {

  public HarvestedPost {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    canonicalUrl = canonicalUrl == null ? url : canonicalUrl;
    counts = counts == null ? Counts.NONE : counts;
    flags = flags == null ? Set.of() : Set.copyOf(flags);
  }
}
