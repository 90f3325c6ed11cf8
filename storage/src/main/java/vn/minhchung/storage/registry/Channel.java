package vn.minhchung.storage.registry;

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
import vn.minhchung.config.registry.ChannelKind;

/** An official channel of a unit: a Fanpage, Zalo OA, YouTube channel, online newspaper or a watched page. */
@Entity
@Table(name = "channel")
public class Channel {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @Column(nullable = false, unique = true) private String code;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "unit_id") private Unit unit;
  @Column(nullable = false) private String kind;
  @Column(nullable = false) private String name;
  @Column(nullable = false) private String url;
  @Column(name = "platform_id") private String platformId;
  private String schedule;
  @Column(nullable = false) private boolean active = true;
  /** Per-kind options as a JSON object (feedUrl, listingUrl, watchSelector …). */
  @Column(name = "options_json") private String optionsJson;
  @Column(name = "created_at", nullable = false) private Instant createdAt;
  @Column(name = "updated_at", nullable = false) private Instant updatedAt;

  protected Channel() {}

  public Channel(String code, Unit unit, ChannelKind kind, String name, String url, Instant now) {
    this.code = code;
    this.unit = unit;
    this.kind = kind.code();
    this.name = name;
    this.url = url;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public Unit getUnit() { return unit; }
  public void setUnit(Unit unit) { this.unit = unit; }
  public ChannelKind getKind() {
    return ChannelKind.fromCode(kind).orElseThrow(() -> new IllegalStateException("channel " + code + ": unknown kind " + kind));
  }
  public void setKind(ChannelKind kind) { this.kind = kind.code(); }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
  public String getPlatformId() { return platformId; }
  public void setPlatformId(String platformId) { this.platformId = platformId; }
  public String getSchedule() { return schedule; }
  public void setSchedule(String schedule) { this.schedule = schedule; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }
  public String getOptionsJson() { return optionsJson; }
  public void setOptionsJson(String optionsJson) { this.optionsJson = optionsJson; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
