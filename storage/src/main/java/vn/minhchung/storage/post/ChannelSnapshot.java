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
 * What a channel's own page showed at one harvest: its name, the verified mark and the follower count (as a number
 * and as the text shown), null where the page did not show it. {@code source} says where it was read
 * ({@code public_page}: the logged-out profile page).
 */
@Entity
@Table(name = "channel_snapshot")
public class ChannelSnapshot {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "channel_id") private Channel channel;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "run_id") private HarvestRun run;
  @Column(name = "observed_at", nullable = false) private Instant observedAt;
  @Column(nullable = false) private String source;
  @Column(name = "display_name") private String displayName;
  private Boolean verified;
  private Long followers;
  @Column(name = "followers_text") private String followersText;

  protected ChannelSnapshot() {}

  public ChannelSnapshot(Channel channel, HarvestRun run, Instant observedAt, String source, String displayName,
      Boolean verified, Long followers, String followersText) {
    this.channel = channel;
    this.run = run;
    this.observedAt = observedAt;
    this.source = source;
    this.displayName = displayName;
    this.verified = verified;
    this.followers = followers;
    this.followersText = followersText;
  }

  public Long getId() { return id; }
  public Channel getChannel() { return channel; }
  public HarvestRun getRun() { return run; }
  public Instant getObservedAt() { return observedAt; }
  public String getSource() { return source; }
  public String getDisplayName() { return displayName; }
  public Boolean getVerified() { return verified; }
  public Long getFollowers() { return followers; }
  public String getFollowersText() { return followersText; }
}
