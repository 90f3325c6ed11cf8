package vn.minhchung.review.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a dossier: every problem found, each naming the file it is about, and what was
 * checked. The dossier is intact when {@link #problems()} is empty.
 */
public record VerificationReport(List<Problem> problems, int filesChecked, int auditEvents, Optional<Stamp> timestamp) {

  public VerificationReport {
    problems = List.copyOf(problems);
  }

  /** One problem: the file (entry path) it concerns and what is wrong. */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  /** A valid RFC 3161 timestamp of the manifest: when, by whom. */
  public record Stamp(Instant time, String authority) {}

  public boolean intact() {
    return problems.isEmpty();
  }
}
