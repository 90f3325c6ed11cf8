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

/**
 * Interaction counts of a post at one moment; null where the platform does not show a count. A count read from a
 * page in a shortened form ("1,2K") keeps its precision: the count is the value shown (1200) and its {@code *Max}
 * the largest value shown that way (1299); a null {@code *Max} means the count is exact.
 */
@Entity
@Table(name = "metric_snapshot")
public class MetricSnapshot {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "post_id") private Post post;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "run_id") private HarvestRun run;
  @Column(name = "observed_at", nullable = false) private Instant observedAt;
  private Long reactions;
  private Long comments;
  private Long shares;
  private Long views;
  private Long likes;
  @Column(name = "reactions_max") private Long reactionsMax;
  @Column(name = "comments_max") private Long commentsMax;
  @Column(name = "shares_max") private Long sharesMax;
  @Column(name = "views_max") private Long viewsMax;
  @Column(name = "likes_max") private Long likesMax;

  protected MetricSnapshot() {}

  public MetricSnapshot(Post post, HarvestRun run, Instant observedAt, Long reactions, Long comments, Long shares,
      Long views, Long likes) {
    this.post = post;
    this.run = run;
    this.observedAt = observedAt;
    this.reactions = reactions;
    this.comments = comments;
    this.shares = shares;
    this.views = views;
    this.likes = likes;
  }

  public Long getId() { return id; }
  public Post getPost() { return post; }
  public HarvestRun getRun() { return run; }
  public Instant getObservedAt() { return observedAt; }
  public Long getReactions() { return reactions; }
  public Long getComments() { return comments; }
  public Long getShares() { return shares; }
  public Long getViews() { return views; }
  public Long getLikes() { return likes; }
  public Long getReactionsMax() { return reactionsMax; }
  public Long getCommentsMax() { return commentsMax; }
  public Long getSharesMax() { return sharesMax; }
  public Long getViewsMax() { return viewsMax; }
  public Long getLikesMax() { return likesMax; }

  /** Sets the upper bounds of shortened counts by key ({@code reactions}, {@code comments}, …); absent keys: exact. */
  public void setUpperBounds(java.util.Map<String, Long> upper) {
    reactionsMax = upper.get("reactions");
    commentsMax = upper.get("comments");
    sharesMax = upper.get("shares");
    viewsMax = upper.get("views");
    likesMax = upper.get("likes");
  }

  /** The upper bound of a count by key, or null when that count is exact or unknown. */
  public Long upperBound(String key) {
    return switch (key) {
      case "reactions" -> reactionsMax;
      case "comments" -> commentsMax;
      case "shares" -> sharesMax;
      case "views" -> viewsMax;
      case "likes" -> likesMax;
      default -> throw new IllegalArgumentException("unknown count key " + key);
    };
  }
}
