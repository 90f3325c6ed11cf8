package vn.minhchung.harvester.connector.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.minhchung.harvester.connector.web.date.DateCandidate;
import vn.minhchung.harvester.connector.web.date.DateFindings;

/**
 * What {@link ArticleExtractor} read from one article page. {@code postedAt} is null when no date was found
 * ({@code flags} then holds {@code no_date}, and {@code date_conflict} when its sources disagree);
 * {@code postedAtText} is the text or attribute value it came from and {@code postedAtSource} names where
 * (json-ld, meta, time, text, url). {@code dates} holds every date candidate, the modification date and the
 * page's zone. {@code views} is null when not shown.
 */
public record ExtractedArticle(String canonicalUrl, String title, String lead, String body, String author,
    List<String> images, Instant postedAt, String postedAtText, String postedAtSource, Long views, String section,
    String layout, Set<String> flags, DateFindings dates) {

  public ExtractedArticle {
    images = List.copyOf(images);
    flags = Set.copyOf(flags);
  }

  /** The published day as the page itself counts days (in its own zone); null without a date. */
  public LocalDate postedDay() {
    return postedAt == null ? null : postedAt.atZone(dates.zone()).toLocalDate();
  }

  /** When the page says it was last changed (JSON-LD dateModified, article:modified_time, "Cập nhật …"). */
  public Instant modifiedAt() {
    return dates.modified().map(DateCandidate::instant).orElse(null);
  }

  public String modifiedAtText() {
    return dates.modified().map(DateCandidate::text).orElse(null);
  }
}
