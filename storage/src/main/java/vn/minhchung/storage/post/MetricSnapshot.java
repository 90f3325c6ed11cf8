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

/** Interaction counts of a post at one moment; null where the platform does not show a count. */
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
}
