package vn.minhchung.storage.blob;

import java.io.IOException;

/** A blob's bytes no longer hash to its name: changed on disk or in the bucket. */
public final class BlobCorruptException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String sha256;

  public BlobCorruptException(String sha256, String message) {
    super(message);
    this.sha256 = sha256;
  }

  public String sha256() {
    return sha256;
  }
}
