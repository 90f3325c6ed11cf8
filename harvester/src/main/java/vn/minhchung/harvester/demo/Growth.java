package vn.minhchung.harvester.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * How one demo count grows: {@code base} when posted, {@code perHour} while time passes, and {@code perHarvest}
 * each time the site's listing is served again, so that a second harvest a minute later still sees new counts.
 */
record Growth(long base, double perHour, long perHarvest) {

  static Growth of(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    long base = n.path("base").asLong();
    long perHarvest = n.has("perHarvest") ? n.path("perHarvest").asLong() : Math.max(1, Math.round(base / 250.0));
    return new Growth(base, n.path("perHour").asDouble(0), perHarvest);
  }

  /** The count at {@code now} for a post made at {@code postedAt}, after {@code round} listings were served. */
  long at(Instant postedAt, Instant now, int round) {
    double hours = Math.max(0, Duration.between(postedAt, now).toSeconds() / 3600.0);
    return base + (long) Math.floor(perHour * hours) + perHarvest * Math.max(0, round - 1);
  }
}
