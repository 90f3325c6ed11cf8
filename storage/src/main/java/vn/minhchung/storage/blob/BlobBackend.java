package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of blobs live: a local folder ({@link LocalBlobBackend}) or an S3-compatible bucket
 * ({@link S3BlobBackend}). Every object is named by its SHA-256 ({@link #key}) and written once: storing a hash
 * that is already there changes nothing. Hashing, spooling and verification are done once, above, by
 * {@link BlobStore}; a backend only moves verified bytes.
 */
public sealed interface BlobBackend extends AutoCloseable permits LocalBlobBackend, S3BlobBackend {

  /** The relative key of a blob: {@code sha256/ab/cd/<sha256>}. */
  static String key(String sha256) {
    if (!BlobStore.isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
    return "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /** Where the blobs are, for messages: a folder or {@code s3://bucket/prefix at endpoint}; never a secret. */
  String describe();

  /** {@code local} or {@code s3}, as in the setting {@code blobs.store}. */
  String kind();

  boolean exists(String sha256) throws IOException;

  /**
   * Stores a complete file whose bytes hash to {@code sha256}, unless that blob is there already. The file lies
   * in the store's spool directory; the backend may move it away. Returns true when this call wrote the blob.
   */
  boolean store(String sha256, Path file, long size, String mediaType) throws IOException;

  /** As {@link #store(String, Path, long, String)} for bytes in memory. */
  boolean store(String sha256, byte[] bytes, String mediaType) throws IOException;

  /** The stored bytes as they are, unchecked; {@link java.nio.file.NoSuchFileException} when the blob is missing. */
  InputStream open(String sha256) throws IOException;

  @Override
  void close();
}
