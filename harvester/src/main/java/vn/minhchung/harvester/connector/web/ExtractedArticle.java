package vn.minhchung.harvester.connector.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What {@link ArticleExtractor} read from one article page. {@code postedAt} is null when no date was found
 * ({@code flags} then holds {@code no_date}); {@code postedAtText} is the text or attribute value it came from
 * and {@code postedAtSource} names where (json-ld, meta, time, text). {@code views} is null when not shown.
 */
public record ExtractedArticle(String canonicalUrl, String title, String lead, String body, String author,
    List<String> images, Instant postedAt, String postedAtText, String postedAtSource, Long views, String section,
    String layout, Set<String> flags) {

  public ExtractedArticle {
    images = List.copyOf(images);
    flags = Set.copyOf(flags);
  }
}
