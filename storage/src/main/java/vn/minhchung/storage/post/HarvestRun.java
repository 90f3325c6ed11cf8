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

/** One harvest of one channel: when, how it ended, what it found, and the error staff should see. */
@Entity
@Table(name = "harvest_run")
public class HarvestRun {
  /** Status values stored in {@code harvest_run.status}. */
  public enum Status { RUNNING, SUCCESS, PARTIAL, FAILED, INTERRUPTED, SKIPPED, BLOCKED;
    public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "channel_id") private Channel channel;
  @Column(name = "started_at", nullable = false) private Instant startedAt;
  @Column(name = "ended_at") private Instant endedAt;
  @Column(nullable = false) private String status;
  @Column(name = "trigger_kind", nullable = false) private String triggerKind = "manual";
  private String node;
  @Column(name = "new_posts", nullable = false) private int newPosts;
  @Column(name = "updated_posts", nullable = false) private int updatedPosts;
  @Column(name = "failed_items", nullable = false) private int failedItems;
  @Column(nullable = false) private int snapshots;
  @Column(nullable = false) private int captures;
  private String error;
  @Column(name = "owner_pid") private Long ownerPid;
  @Column(name = "owner_started_at") private Instant ownerStartedAt;

  protected HarvestRun() {}

  public HarvestRun(Channel channel, Instant startedAt, String triggerKind, String node) {
    this.channel = channel;
    this.startedAt = startedAt;
    this.triggerKind = triggerKind;
    this.node = node;
    this.status = Status.RUNNING.code();
    RunOwner self = RunOwner.current();
    this.ownerPid = self.pid();
    this.ownerStartedAt = self.startedAt().orElse(null);
  }

  public Long getId() { return id; }
  public Channel getChannel() { return channel; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getEndedAt() { return endedAt; }
  public Status getStatus() { return Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)); }
  public String getTriggerKind() { return triggerKind; }
  public String getNode() { return node; }
  public int getNewPosts() { return newPosts; }
  public int getUpdatedPosts() { return updatedPosts; }
  public int getFailedItems() { return failedItems; }
  public int getSnapshots() { return snapshots; }
  public int getCaptures() { return captures; }
  public String getError() { return error; }
  /** The process that runs (or ran) this harvest on {@link #getNode()}; empty for runs recorded before owners were. */
  public java.util.Optional<RunOwner> getOwner() {
    return ownerPid == null ? java.util.Optional.empty()
        : java.util.Optional.of(new RunOwner(ownerPid, java.util.Optional.ofNullable(ownerStartedAt)));
  }

  public void finish(Status status, Instant endedAt, int newPosts, int updatedPosts, int failedItems, int snapshots,
      int captures, String error) {
    this.status = status.code();
    this.endedAt = endedAt;
    this.newPosts = newPosts;
    this.updatedPosts = updatedPosts;
    this.failedItems = failedItems;
    this.snapshots = snapshots;
    this.captures = captures;
    this.error = error;
  }
}
