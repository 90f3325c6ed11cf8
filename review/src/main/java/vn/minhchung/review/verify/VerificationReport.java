package vn.minhchung.review.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a dossier: every problem found, each naming the file it is about, and what was
 * checked. The dossier is intact when {@link #problems()} is empty; what that proves depends on the rest: a
 * {@link #timestamp() trusted timestamp} proves the files existed at its time, a {@link #recorded() record in
 * the exporting database} proves the dossier and its audit trail are what that database exported.
 *
 * @param untrusted why there is no trusted timestamp, when {@code timestamp} is empty
 * @param againstDatabase whether the dossier was compared with a database; {@code recorded} is then its export
 */
public record VerificationReport(List<Problem> problems, int filesChecked, int auditEvents, Optional<Stamp> timestamp,
    Optional<String> untrusted, boolean againstDatabase, Optional<Recorded> recorded) {

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

  /** A valid RFC 3161 timestamp of the manifest by an authority that chains to {@code anchor}: when, by whom. */
  public record Stamp(Instant time, String authority, String anchor) {}

  /** The export event in the database that made this manifest, and how many audit links matched the database. */
  public record Recorded(long eventId, Instant at, String actor, int linksMatched) {}

  public boolean intact() {
    return problems.isEmpty();
  }
}
