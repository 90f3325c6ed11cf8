package vn.minhchung.storage.blob;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The database row of a stored blob: lets queries join files to captures and evidence. */
@Entity
@Table(name = "blob")
public class BlobRecord {
  @Id private String sha256;
  @Column(name = "size_bytes", nullable = false) private long size;
  @Column(name = "media_type", nullable = false) private String mediaType;
  @Column(name = "created_at", nullable = false) private Instant createdAt;

  protected BlobRecord() {}

  public BlobRecord(String sha256, long size, String mediaType, Instant createdAt) {
    this.sha256 = sha256;
    this.size = size;
    this.mediaType = mediaType;
    this.createdAt = createdAt;
  }

  public String getSha256() { return sha256; }
  public long getSize() { return size; }
  public String getMediaType() { return mediaType; }
  public Instant getCreatedAt() { return createdAt; }
  public BlobRef ref() { return new BlobRef(sha256, size, mediaType); }
}
