package vn.minhchung.review.export;

/** What a dossier holds: evidence items, files and bytes written, audit events, and the manifest's SHA-256. */
public record ExportSummary(int evidence, int files, long bytes, int auditEvents, String manifestSha256,
    boolean timestamped) {}
