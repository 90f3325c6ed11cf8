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

/** One thing that went wrong inside a run (a page that timed out, an article with no date …), with a reason code. */
@Entity
@Table(name = "run_problem")
public class RunProblem {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false) @JoinColumn(name = "run_id") private HarvestRun run;
  @Column(nullable = false) private Instant at;
  private String url;
  @Column(name = "reason_code", nullable = false) private String reasonCode;
  @Column(nullable = false) private String message;

  protected RunProblem() {}

  public RunProblem(HarvestRun run, Instant at, String url, String reasonCode, String message) {
    this.run = run;
    this.at = at;
    this.url = url;
    this.reasonCode = reasonCode;
    this.message = message;
  }

  public Long getId() { return id; }
  public HarvestRun getRun() { return run; }
  public Instant getAt() { return at; }
  public String getUrl() { return url; }
  public String getReasonCode() { return reasonCode; }
  public String getMessage() { return message; }
}
