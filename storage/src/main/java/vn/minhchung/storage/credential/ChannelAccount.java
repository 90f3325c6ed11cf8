package vn.minhchung.storage.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which account serves a channel: at most one per channel; one account may serve several channels. */
@Entity
@Table(name = "channel_account")
public class ChannelAccount {
  @Id @Column(name = "channel_id") private Long channelId;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "account_id") private PlatformAccount account;
  @Column(name = "linked_at", nullable = false) private Instant linkedAt;

  protected ChannelAccount() {}

  public ChannelAccount(long channelId, PlatformAccount account, Instant now) {
    this.channelId = channelId;
    this.account = account;
    this.linkedAt = now;
  }

  public Long getChannelId() { return channelId; }
  public PlatformAccount getAccount() { return account; }
  public Instant getLinkedAt() { return linkedAt; }

  void relink(PlatformAccount account, Instant now) {
    this.account = account;
    this.linkedAt = now;
  }
}
