package vn.minhchung.review.export;

import java.util.Optional;

/**
 * What a dossier holds: evidence items, files and bytes written, audit events, the manifest's SHA-256, and the
 * head of its audit chain (the last exported event), which {@link ExportRecord} keeps in the database so that
 * {@code verify --against-db} can compare a dossier with a value outside the ZIP.
 */
public record ExportSummary(int evidence, int files, long bytes, int auditEvents, String manifestSha256,
    boolean timestamped, Optional<Head> auditHead) {

  /** The last event of the exported audit chain: its id and hash. */
  public record Head(long eventId, String hash) {}
}
