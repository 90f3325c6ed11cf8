package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.capture.CapturePolicy.Facts;
import vn.minhchung.harvester.capture.CapturePolicy.LastCapture;
import vn.minhchung.harvester.capture.CapturePolicy.Reason;

class CapturePolicyTest {
  static final CapturePolicy POLICY = new CapturePolicy(7);
  static final Instant POSTED = Instant.parse("2026-11-10T01:30:00Z");
  static final Facts POST = new Facts(ChannelKind.FACEBOOK_PAGE, POSTED.plusSeconds(3600), Optional.of(POSTED),
      Optional.empty());

  static Optional<LastCapture> ok(Instant at) {
    return Optional.of(new LastCapture(at, true));
  }

  @Test
  void firstSeenPostIsCaptured() {
    assertThat(POLICY.due(POST, Optional.empty(), Optional.empty(), 0, POSTED.plusSeconds(7200)))
        .contains(Reason.FIRST_SEEN);
  }

  @Test
  void failedCaptureIsRetried() {
    Optional<LastCapture> wall = Optional.of(new LastCapture(POSTED.plusSeconds(3600), false));
    assertThat(POLICY.due(POST, Optional.empty(), wall, 0, POSTED.plusSeconds(90_000)))
        .contains(Reason.RETRY_AFTER_FAILURE);
  }

  @Test
  void notRecapturedBeforeCountsSettle() {
    Instant first = POSTED.plusSeconds(3600);
    assertThat(POLICY.due(POST, ok(first), ok(first), 0, POSTED.plusSeconds(6 * 86_400))).isEmpty();
  }

  @Test
  void recapturedOnceAfterSevenDays() {
    Instant first = POSTED.plusSeconds(3600);
    Instant day7 = POSTED.plusSeconds(7 * 86_400);
    assertThat(POLICY.due(POST, ok(first), ok(first), 0, day7)).contains(Reason.COUNTS_SETTLED);
    assertThat(POLICY.due(POST, ok(day7), ok(day7), 0, day7.plusSeconds(86_400))).isEmpty();
  }

  @Test
  void webPageIsCapturedOnEveryWatchRunWithinItsPeriod() {
    Instant until = Instant.parse("2026-11-30T16:59:59Z");
    Facts page = new Facts(ChannelKind.WEB_PAGE, POSTED, Optional.empty(), Optional.of(until));
    assertThat(POLICY.due(page, ok(POSTED), ok(POSTED), 0, POSTED.plusSeconds(60))).contains(Reason.WATCH_RUN);
    assertThat(POLICY.due(page, ok(POSTED), ok(POSTED), 0, until.plusSeconds(1))).isEmpty();
  }

  @Test
  void stopsRetryingAfterThreeFailuresInARow() {
    Optional<LastCapture> wall = Optional.of(new LastCapture(POSTED.plusSeconds(3600), false));
    Instant later = POSTED.plusSeconds(90_000);
    assertThat(POLICY.due(POST, Optional.empty(), wall, 2, later)).contains(Reason.RETRY_AFTER_FAILURE);
    assertThat(POLICY.due(POST, Optional.empty(), wall, CapturePolicy.MAX_RETRIES, later)).isEmpty();
  }
}
