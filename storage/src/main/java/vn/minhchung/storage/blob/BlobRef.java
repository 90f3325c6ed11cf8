package vn.minhchung.storage.blob;

/** A stored blob: its SHA-256 (lower-case hex), its size and the media type it was stored as. */
public record BlobRef(String sha256, long size, String mediaType) {
  public BlobRef {
    if (!BlobStore.isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
  }
}
