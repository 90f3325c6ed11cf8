package vn.minhchung.harvester.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.post.HarvestRun;

class RetryPolicyTest {
  private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofMinutes(60), 2, Settings.ZONE);

  /** now is given in UTC; 03:00Z is 10:00 in Hà Nội, 16:30Z is 23:30. */
  @ParameterizedTest(name = "{0} {1} at {2}, {3} retries, retryAfter {4} -> {5}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "failed  | TRANSIENT    | 2026-04-14T03:00:00Z | 0 | -                    | 2026-04-14T04:00:00Z",
      "failed  | TRANSIENT    | 2026-04-14T03:00:00Z | 1 | -                    | 2026-04-14T04:00:00Z",
      "failed  | TRANSIENT    | 2026-04-14T03:00:00Z | 2 | -                    | -",
      "failed  | RATE_LIMITED | 2026-04-14T03:00:00Z | 0 | 2026-04-14T06:30:00Z | 2026-04-14T06:30:00Z",
      "failed  | RATE_LIMITED | 2026-04-14T03:00:00Z | 0 | 2026-04-14T03:10:00Z | 2026-04-14T04:00:00Z",
      "failed  | QUOTA        | 2026-04-14T03:00:00Z | 0 | 2026-04-14T17:00:00Z | -",
      "failed  | BAD_RESPONSE | 2026-04-14T03:00:00Z | 0 | -                    | 2026-04-14T04:00:00Z",
      "failed  | TRANSIENT    | 2026-04-14T16:30:00Z | 0 | -                    | -",
      "failed  | AUTH         | 2026-04-14T03:00:00Z | 0 | -                    | -",
      "failed  | PERMISSION   | 2026-04-14T03:00:00Z | 0 | -                    | -",
      "failed  | CONFIG       | 2026-04-14T03:00:00Z | 0 | -                    | -",
      "failed  | NOT_FOUND    | 2026-04-14T03:00:00Z | 0 | -                    | -",
      "failed  | -            | 2026-04-14T03:00:00Z | 0 | -                    | 2026-04-14T04:00:00Z",
      "interrupted | -        | 2026-04-14T03:00:00Z | 0 | -                    | 2026-04-14T04:00:00Z",
      "success | -            | 2026-04-14T03:00:00Z | 0 | -                    | -",
      "partial | -            | 2026-04-14T03:00:00Z | 0 | -                    | -"})
  void retriesOnlyRecoverableFailuresTheSameDay(String status, String kind, Instant now, int retries, Instant retryAfter,
      Instant expected) {
    RunSummary run = new RunSummary(1, "YT-BNTV", HarvestRun.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)),
        now, now, 0, 0, 0, 0, 0, "lỗi", Optional.ofNullable(kind).map(ConnectorException.Kind::valueOf),
        Optional.ofNullable(retryAfter));
    assertThat(POLICY.next(run, now, retries)).isEqualTo(Optional.ofNullable(expected));
  }
}
