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
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * An item of proof (minh chứng) for one of the six components: a harvested post (with its latest capture) or
 * a file uploaded by staff. Reviewed by staff: pending → approved / rejected.
 */
@Entity
@Table(name = "evidence")
public class Evidence {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false) private int component;
  /** The {@code EvidenceKind} code: set by rules from the post, or by a reviewer ({@link #getKindBy()}). */
  private String kind;
  /** Who set the kind by hand; null when the rules set it. */
  @Column(name = "kind_by") private String kindBy;
  /** harvested | uploaded | manual (a link added by staff, captured at once). */
  @Column(nullable = false) private String source;
  /** pending | approved | rejected. */
  @Column(nullable = false) private String status = "pending";
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "post_id") private Post post;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "capture_id") private Capture capture;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "unit_id") private Unit unit;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "channel_id") private Channel channel;
  @Column(nullable = false) private String title;
  private String url;
  /** When the thing proved happened: the post date, or the date staff give for an upload. */
  @Column(name = "occurred_at") private Instant occurredAt;
  @Column(name = "blob_sha") private String blobSha;
  @Column(name = "file_name") private String fileName;
  @Column(name = "media_type") private String mediaType;
  private String note;
  @Column(name = "review_reason") private String reviewReason;
  @Column(name = "reviewed_by") private String reviewedBy;
  @Column(name = "reviewed_at") private Instant reviewedAt;
  @Column(name = "created_by") private String createdBy;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;
  @Column(name = "search_text") private String searchText;
  /** For an upload: bien_ban, bao_cao, quyet_dinh, ke_hoach, kich_ban, thiet_ke, anh, video (null: not given). */
  @Column(name = "doc_kind") private String docKind;
  /** {@link #getOccurredAt()} is a day given by staff (its start in Asia/Ho_Chi_Minh), shown without a time. */
  @Column(name = "occurred_date_only", nullable = false) private boolean occurredDateOnly;

  protected Evidence() {}

  public Evidence(int component, String source, String title, Instant now) {
    this.component = component;
    this.source = source;
    this.title = title;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public int getComponent() { return component; }
  public void setComponent(int component) { this.component = component; }
  public String getKind() { return kind; }
  public String getKindBy() { return kindBy; }
  /** Sets the kind; {@code by} is the reviewer, or null when the rules set it. */
  public void setKind(String kind, String by) { this.kind = kind; this.kindBy = by; }
  public String getSource() { return source; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public Post getPost() { return post; }
  public void setPost(Post post) { this.post = post; }
  public Capture getCapture() { return capture; }
  public void setCapture(Capture capture) { this.capture = capture; }
  public Unit getUnit() { return unit; }
  public void setUnit(Unit unit) { this.unit = unit; }
  public Channel getChannel() { return channel; }
  public void setChannel(Channel channel) { this.channel = channel; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public Instant getOccurredAt() { return occurredAt; }
  public void setOccurredAt(Instant occurredAt) { this.occurredAt = occurredAt; }
  public String getBlobSha() { return blobSha; }
  public void setBlobSha(String blobSha) { this.blobSha = blobSha; }
  public String getFileName() { return fileName; }
  public void setFileName(String fileName) { this.fileName = fileName; }
  public String getMediaType() { return mediaType; }
  public void setMediaType(String mediaType) { this.mediaType = mediaType; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public String getReviewReason() { return reviewReason; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
  public void review(String status, String reason, String by, Instant at) {
    this.status = status;
    this.reviewReason = reason;
    this.reviewedBy = by;
    this.reviewedAt = at;
    this.updatedAt = at;
  }
  public String getCreatedBy() { return createdBy; }
  public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
  public String getSearchText() { return searchText; }
  public void setSearchText(String searchText) { this.searchText = searchText; }
  public String getDocKind() { return docKind; }
  public void setDocKind(String docKind) { this.docKind = docKind; }
  public boolean isOccurredDateOnly() { return occurredDateOnly; }
  public void setOccurredDateOnly(boolean occurredDateOnly) { this.occurredDateOnly = occurredDateOnly; }
}
