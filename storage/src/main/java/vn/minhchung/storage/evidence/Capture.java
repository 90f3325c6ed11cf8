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
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;

/**
 * One browser capture of one page at one moment. The files are write-once blobs named by SHA-256; a recapture
 * is a new row. {@link #getStatus()} says whether the page was the content or a wall/error.
 */
@Entity
@Table(name = "capture")
public class Capture {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "post_id") private Post post;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "channel_id") private Channel channel;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "run_id") private HarvestRun run;
  @Column(nullable = false) private String url;
  @Column(name = "final_url") private String finalUrl;
  @Column(name = "captured_at", nullable = false) private Instant capturedAt;
  /** ok | missing_fields | login_wall | unavailable | not_found | error | timeout | watch_absent. */
  @Column(nullable = false) private String status;
  @Column(name = "status_detail") private String statusDetail;
  @Column(name = "screenshot_sha") private String screenshotSha;
  @Column(name = "fullpage_sha") private String fullpageSha;
  @Column(name = "html_sha") private String htmlSha;
  @Column(name = "warc_sha") private String warcSha;
  @Column(name = "json_sha") private String jsonSha;
  @Column(name = "posted_at_text") private String postedAtText;
  @Column(name = "counts_json") private String countsJson;
  @Column(name = "browser_version") private String browserVersion;
  @Column(name = "tool_version") private String toolVersion;
  private String viewport;

  protected Capture() {}

  public Capture(String url, Instant capturedAt, String status) {
    this.url = url;
    this.capturedAt = capturedAt;
    this.status = status;
  }

  public Long getId() { return id; }
  public Post getPost() { return post; }
  public void setPost(Post post) { this.post = post; }
  public Channel getChannel() { return channel; }
  public void setChannel(Channel channel) { this.channel = channel; }
  public HarvestRun getRun() { return run; }
  public void setRun(HarvestRun run) { this.run = run; }
  public String getUrl() { return url; }
  public String getFinalUrl() { return finalUrl; }
  public void setFinalUrl(String finalUrl) { this.finalUrl = finalUrl; }
  public Instant getCapturedAt() { return capturedAt; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getStatusDetail() { return statusDetail; }
  public void setStatusDetail(String statusDetail) { this.statusDetail = statusDetail; }
  public String getScreenshotSha() { return screenshotSha; }
  public void setScreenshotSha(String v) { this.screenshotSha = v; }
  public String getFullpageSha() { return fullpageSha; }
  public void setFullpageSha(String v) { this.fullpageSha = v; }
  public String getHtmlSha() { return htmlSha; }
  public void setHtmlSha(String v) { this.htmlSha = v; }
  public String getWarcSha() { return warcSha; }
  public void setWarcSha(String v) { this.warcSha = v; }
  public String getJsonSha() { return jsonSha; }
  public void setJsonSha(String v) { this.jsonSha = v; }
  public String getPostedAtText() { return postedAtText; }
  public void setPostedAtText(String v) { this.postedAtText = v; }
  public String getCountsJson() { return countsJson; }
  public void setCountsJson(String v) { this.countsJson = v; }
  public String getBrowserVersion() { return browserVersion; }
  public void setBrowserVersion(String v) { this.browserVersion = v; }
  public String getToolVersion() { return toolVersion; }
  public void setToolVersion(String v) { this.toolVersion = v; }
  public String getViewport() { return viewport; }
  public void setViewport(String v) { this.viewport = v; }
}
