package vn.minhchung.storage.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A further file of an evidence item, beside its main file or capture: the other files of a multi-file upload
 * (the photos and the attendee list of one training), or a screenshot or document added later by staff.
 * Write-once, like the blob it names.
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "evidence_id") private Evidence evidence;
  @Column(name = "blob_sha", nullable = false) private String blobSha;
  @Column(name = "file_name", nullable = false) private String fileName;
  @Column(name = "media_type", nullable = false) private String mediaType;
  @Column(name = "size_bytes", nullable = false) private long sizeBytes;
  @Column(name = "added_by") private String addedBy;
  @Column(name = "added_at", nullable = false) private Instant addedAt;

  protected EvidenceFile() {}

  public EvidenceFile(Evidence evidence, String blobSha, String fileName, String mediaType, long sizeBytes,
      String addedBy, Instant addedAt) {
    this.evidence = evidence;
    this.blobSha = blobSha;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  public Long getId() { return id; }
  public Evidence getEvidence() { return evidence; }
  public String getBlobSha() { return blobSha; }
  public String getFileName() { return fileName; }
  public String getMediaType() { return mediaType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getAddedBy() { return addedBy; }
  public Instant getAddedAt() { return addedAt; }
}
