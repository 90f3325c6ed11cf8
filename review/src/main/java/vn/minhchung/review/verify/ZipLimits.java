package vn.minhchung.review.verify;

/**
 * Caps for reading an untrusted dossier: entry count, bytes per entry and in total once inflated, and the
 * inflation ratio of an entry (checked once it passes {@code ratioFloorBytes}, so small files may compress well).
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio, long ratioFloorBytes) {

  /** Roomy for real dossiers (tens of thousands of captures), tight enough to stop zip bombs. */
  public static final ZipLimits DEFAULT = new ZipLimits(500_000, 2L << 30, 64L << 30, 200, 1L << 20);
}
