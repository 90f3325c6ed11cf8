package vn.minhchung.harvester.connector.web;

import java.time.Instant;

/** An article URL (as the site spells it) found by discovery, with the date and title the feed or sitemap gave (null when none). */
record Candidate(String url, Instant hintDate, String hintTitle, String source) {

  /** The canonical URL: the same article found twice is one candidate. */
  String key() {
    return UrlCanonicalizer.canonical(url).orElse(url);
  }
}
