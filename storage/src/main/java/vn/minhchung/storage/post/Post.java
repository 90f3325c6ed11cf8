package vn.minhchung.storage.post;

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
import vn.minhchung.storage.registry.Channel;

/**
 * A post, article, video or page-watch observation of a channel, unique by (channel, platform id). Never
 * deleted: a post that disappears is marked {@link #isGone() gone}.
 */
@Entity
@Table(name = "post")
public class Post {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "channel_id") private Channel channel;
  @Column(name = "platform_id", nullable = false) private String platformId;
  @Column(nullable = false) private String kind = "post";
  @Column(nullable = false) private String url;
  @Column(name = "canonical_url", nullable = false) private String canonicalUrl;
  private String title;
  private String lead;
  private String body;
  private String author;
  private String section;
  @Column(name = "image_url") private String imageUrl;
  @Column(name = "posted_at") private Instant postedAt;
  @Column(name = "posted_at_text") private String postedAtText;
  @Column(name = "duration_seconds") private Integer durationSeconds;
  @Column(name = "first_seen_at", nullable = false) private Instant firstSeenAt;
  @Column(name = "last_seen_at", nullable = false) private Instant lastSeenAt;
  @Column(name = "last_refreshed_at") private Instant lastRefreshedAt;
  @Column(nullable = false) private boolean gone;
  @Column(name = "gone_at") private Instant goneAt;
  /** Comma-separated flags such as {@code no_date}, {@code future_date}, {@code duration_out_of_spec}. */
  private String flags;
  /** Folded text (no diacritics, lower case) for search. */
  @Column(name = "search_text") private String searchText;

  protected Post() {}

  public Post(Channel channel, String platformId, String kind, String url, String canonicalUrl, Instant now) {
    this.channel = channel;
    this.platformId = platformId;
    this.kind = kind;
    this.url = url;
    this.canonicalUrl = canonicalUrl;
    this.firstSeenAt = now;
    this.lastSeenAt = now;
  }

  public Long getId() { return id; }
  public Channel getChannel() { return channel; }
  public String getPlatformId() { return platformId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public String getCanonicalUrl() { return canonicalUrl; }
  public void setCanonicalUrl(String canonicalUrl) { this.canonicalUrl = canonicalUrl; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getLead() { return lead; }
  public void setLead(String lead) { this.lead = lead; }
  public String getBody() { return body; }
  public void setBody(String body) { this.body = body; }
  public String getAuthor() { return author; }
  public void setAuthor(String author) { this.author = author; }
  public String getSection() { return section; }
  public void setSection(String section) { this.section = section; }
  public String getImageUrl() { return imageUrl; }
  public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }
  public Instant getPostedAt() { return postedAt; }
  public void setPostedAt(Instant postedAt) { this.postedAt = postedAt; }
  public String getPostedAtText() { return postedAtText; }
  public void setPostedAtText(String postedAtText) { this.postedAtText = postedAtText; }
  public Integer getDurationSeconds() { return durationSeconds; }
  public void setDurationSeconds(Integer durationSeconds) { this.durationSeconds = durationSeconds; }
  public Instant getFirstSeenAt() { return firstSeenAt; }
  public Instant getLastSeenAt() { return lastSeenAt; }
  public void setLastSeenAt(Instant lastSeenAt) { this.lastSeenAt = lastSeenAt; }
  public Instant getLastRefreshedAt() { return lastRefreshedAt; }
  public void setLastRefreshedAt(Instant lastRefreshedAt) { this.lastRefreshedAt = lastRefreshedAt; }
  public boolean isGone() { return gone; }
  public Instant getGoneAt() { return goneAt; }
  public void markGone(Instant at) { if (!gone) { gone = true; goneAt = at; } }
  public void markPresent() { gone = false; goneAt = null; }
  public String getFlags() { return flags; }
  public void setFlags(String flags) { this.flags = flags; }
  public String getSearchText() { return searchText; }
  public void setSearchText(String searchText) { this.searchText = searchText; }
}
