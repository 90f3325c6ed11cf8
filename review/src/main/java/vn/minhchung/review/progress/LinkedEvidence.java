package vn.minhchung.review.progress;

import java.time.Instant;

/**
 * One evidence item linked to a plan item, as progress needs it: review status ({@code pending | approved |
 * rejected}), link state ({@code suggested | confirmed}), its kind code (null when unknown), the post's duration
 * (videos only, else null), its title and when it happened (the post date or the upload's date).
 */
public record LinkedEvidence(String itemCode, long evidenceId, int component, String status, String linkState,
    Integer durationSeconds, String kind, String title, Instant occurredAt) {

  /** Counts towards targets: approved evidence behind a confirmed link. */
  public boolean counts() {
    return "approved".equals(status) && "confirmed".equals(linkState);
  }

  /** Still needs a reviewer: pending evidence or a suggested link, unless the evidence was rejected. */
  public boolean toReview() {
    return !"rejected".equals(status) && !counts();
  }

  public boolean fits(Integer minSeconds, Integer maxSeconds) {
    if (minSeconds == null && maxSeconds == null) {
      return true;
    }
    if (durationSeconds == null) {
      return false;
    }
    return (minSeconds == null || durationSeconds >= minSeconds) && (maxSeconds == null || durationSeconds <= maxSeconds);
  }
}
