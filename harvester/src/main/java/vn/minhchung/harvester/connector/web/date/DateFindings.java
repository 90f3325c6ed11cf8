package vn.minhchung.harvester.connector.web.date;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The dates of one page: the published date chosen (empty when none was found or its sources disagree), the
 * modification date (never used as the published one), every candidate, the page's zone with the reason it
 * was chosen, whether numeric dates were read month-first, and a problem when sources disagree.
 */
public record DateFindings(Optional<DateCandidate> posted, Optional<DateCandidate> modified,
    List<DateCandidate> candidates, ZoneId zone, String zoneReason, boolean monthFirst, Optional<String> problem) {

  public DateFindings {
    candidates = List.copyOf(candidates);
  }
}
