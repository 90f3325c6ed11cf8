package vn.minhchung.harvester.connector.web.date;

import java.time.Instant;

/**
 * One date a page states. {@code source} is json-ld, meta, time, text or url; {@code confidence} (0–1) ranks
 * the sources and positions (JSON-LD 0.95, meta 0.9, {@code <time>} in the article 0.8, text near the
 * headline 0.7 … URL 0.3); {@code text} is what it was read from; {@code modified} marks a modification date
 * (JSON-LD {@code dateModified}, {@code article:modified_time}, "Cập nhật …"); {@code timeKnown} is false for
 * a day without a time (then the instant is the day's start in the page's zone).
 */
public record DateCandidate(Instant instant, boolean timeKnown, String text, String source, double confidence,
    boolean modified) {}
