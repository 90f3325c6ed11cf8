package vn.minhchung.storage.alert;

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
import java.util.Locale;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;

/**
 * A condition staff must look at, stored once per {@link #getKey() key} (e.g. {@code stale_channel:FB-TTBN}).
 * {@code open} while the condition holds ({@link #getLastSeenAt()} is the last check that saw it), then
 * {@code resolved} with {@link #getResolvedAt()}; the same key coming back re-opens the row. {@link #getTitle()}
 * and {@link #getMessage()} are Vietnamese, ready to show. {@link #getNotifiedAt()} is when the e-mail went out
 * (null: not sent, or no SMTP configured). {@link #acknowledge} records who took it in hand; a re-opening or a
 * worse stage clears that, as the condition is new again.
 */
@Entity
@Table(name = "alert")
public class Alert {
  /** What the alert is about; {@link #code()} is the stored value. */
  public enum Kind {
    /** No successful run of an active channel for {@code alerts.staleDays} days. */
    STALE_CHANNEL,
    /** The last {@code alerts.failureStreak} runs of a channel failed. */
    FAILURE_STREAK,
    /** The platform rejected the token or key of a channel (failure kind AUTH). */
    CREDENTIAL_REJECTED,
    /** A run stopped for missing permission or wrong configuration; a person must fix it. */
    CHANNEL_BLOCKED,
    /** A plan-item deadline is near and evidence is missing against its targets. */
    DEADLINE_EVIDENCE,
    /** A channel account's credential expires within {@code alerts.accountExpiryDays} days, or has expired. */
    ACCOUNT_EXPIRING,
    /** A watched page ({@code web_page}) did not show its banner on its latest day within the watch period. */
    BANNER_MISSING,
    /** A {@code serve} process stopped beating for {@code alerts.nodeSilentMinutes} without a clean stop. */
    NODE_SILENT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(name = "alert_key", nullable = false, unique = true) private String key;
  @Column(nullable = false) private String kind;
  /** open | resolved. */
  @Column(nullable = false) private String status = "open";
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "channel_id") private Channel channel;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "plan_item_id") private PlanItem planItem;
  @Column(nullable = false) private String title;
  @Column(nullable = false) private String message;
  @Column(name = "first_seen_at", nullable = false) private Instant firstSeenAt;
  @Column(name = "last_seen_at", nullable = false) private Instant lastSeenAt;
  @Column(name = "resolved_at") private Instant resolvedAt;
  @Column(name = "notified_at") private Instant notifiedAt;
  /** Stage of a condition announced again as it worsens (deadline: before, due, overdue-N); null for others. */
  @Column(name = "notice_stage") private String noticeStage;
  @Column(name = "acknowledged_at") private Instant acknowledgedAt;
  @Column(name = "acknowledged_by") private String acknowledgedBy;
  @Column(name = "ack_note") private String ackNote;

  protected Alert() {}

  public Alert(String key, Kind kind, Channel channel, PlanItem planItem, String title, String message, Instant now) {
    this.key = key;
    this.kind = kind.code();
    this.channel = channel;
    this.planItem = planItem;
    this.title = title;
    this.message = message;
    this.firstSeenAt = now;
    this.lastSeenAt = now;
  }

  public Long getId() { return id; }
  public String getKey() { return key; }
  public Kind getKind() { return Kind.fromCode(kind); }
  public boolean isOpen() { return "open".equals(status); }
  public String getStatus() { return status; }
  public Channel getChannel() { return channel; }
  public PlanItem getPlanItem() { return planItem; }
  public String getTitle() { return title; }
  public String getMessage() { return message; }
  public Instant getFirstSeenAt() { return firstSeenAt; }
  public Instant getLastSeenAt() { return lastSeenAt; }
  public Instant getResolvedAt() { return resolvedAt; }
  public Instant getNotifiedAt() { return notifiedAt; }
  public String getNoticeStage() { return noticeStage; }
  public Instant getAcknowledgedAt() { return acknowledgedAt; }
  public String getAcknowledgedBy() { return acknowledgedBy; }
  public String getAckNote() { return ackNote; }
  public boolean isAcknowledged() { return acknowledgedAt != null; }

  /** A person has seen the alert and taken it in hand; it stays open while the condition holds. */
  public void acknowledge(String by, String note, Instant now) {
    this.acknowledgedBy = by;
    this.ackNote = note;
    this.acknowledgedAt = now;
  }

  /** The condition still holds (or holds again): refresh the text, re-open a resolved alert. */
  public void seen(String title, String message, Instant now) {
    if (!isOpen()) {
      status = "open";
      firstSeenAt = now;
      resolvedAt = null;
      notifiedAt = null;
      clearAcknowledgement();
    }
    this.title = title;
    this.message = message;
    this.lastSeenAt = now;
  }

  /**
   * As {@link #seen(String, String, Instant)}, for a condition announced in stages: when {@code stage} differs
   * from the stored one the alert counts as new again (first seen now, to be e-mailed again).
   */
  public void seen(String title, String message, String stage, Instant now) {
    boolean changed = isOpen() && stage != null && !stage.equals(noticeStage);
    seen(title, message, now);
    if (changed) {
      firstSeenAt = now;
      notifiedAt = null;
      clearAcknowledgement();
    }
    noticeStage = stage;
  }

  private void clearAcknowledgement() {
    acknowledgedAt = null;
    acknowledgedBy = null;
    ackNote = null;
  }

  public void setNoticeStage(String stage) {
    this.noticeStage = stage;
  }

  public void resolve(Instant now) {
    status = "resolved";
    resolvedAt = now;
  }

  public void markNotified(Instant now) {
    notifiedAt = now;
  }
}
