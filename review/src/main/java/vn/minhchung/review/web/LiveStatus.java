package vn.minhchung.review.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;

/**
 * Whether the work a person asked for with "Thu thập ngay" or "Chụp lại" is still waiting, running, or done, read
 * from what the harvester writes (harvest runs, captures) against the audited request. The channel and evidence
 * pages poll it as JSON and reload themselves once it is done. A request with no result after
 * {@link #PATIENCE} is no longer waited for (its failure shows in the run history or the server log).
 */
public record LiveStatus(String state, String text) {
  static final Duration PATIENCE = Duration.ofMinutes(15);

  public boolean done() {
    return "done".equals(state);
  }

  static LiveStatus ofChannel(Session s, Channel c, Instant now) {
    Instant asked = requestedAt(s, "channel", "channel.harvest", c.getCode(), now);
    List<HarvestRun> runs = s.createSelectionQuery("from HarvestRun r where r.channel = :c order by r.startedAt desc",
        HarvestRun.class).setParameter("c", c).setMaxResults(1).getResultList();
    HarvestRun last = runs.isEmpty() ? null : runs.get(0);
    if (last != null && last.getStatus() == HarvestRun.Status.RUNNING) {
      return new LiveStatus("running", "Đang thu thập (bắt đầu lúc " + Fmt.dateTime(last.getStartedAt()) + ")…");
    }
    if (asked != null && (last == null || last.getStartedAt().isBefore(asked))) {
      return new LiveStatus("waiting", "Đã gửi yêu cầu thu thập lúc " + Fmt.dateTime(asked) + ", đang chờ bắt đầu…");
    }
    return new LiveStatus("done", last == null ? "Kênh chưa được thu thập lần nào."
        : "Lần chạy gần nhất: " + Fmt.runStatus(last.getStatus().code()).toLowerCase(java.util.Locale.ROOT)
            + " lúc " + Fmt.dateTime(last.getStartedAt()) + ".");
  }

  static LiveStatus ofEvidence(Session s, Evidence e, Instant now) {
    if (e.getPost() == null) {
      return new LiveStatus("done", "");
    }
    Instant asked = requestedAt(s, "evidence", "evidence.recapture", e.getId().toString(), now);
    List<Capture> latest = s.createSelectionQuery("from Capture c where c.post = :p order by c.capturedAt desc", Capture.class)
        .setParameter("p", e.getPost()).setMaxResults(1).getResultList();
    Instant captured = latest.isEmpty() ? null : latest.get(0).getCapturedAt();
    if (asked != null && (captured == null || captured.isBefore(asked))) {
      return new LiveStatus("waiting", "Đã yêu cầu chụp lại lúc " + Fmt.dateTime(asked) + ", đang chụp…");
    }
    return new LiveStatus("done", captured == null ? "Chưa có bản chụp." : "Bản chụp mới nhất lúc " + Fmt.dateTime(captured) + ".");
  }

  String json() {
    return Json.of("state", state, "text", text);
  }

  /** The newest audited request of this kind for the entity within {@link #PATIENCE}, or null. */
  private static Instant requestedAt(Session s, String type, String action, String entityId, Instant now) {
    return s.createSelectionQuery("select max(a.at) from AuditEvent a where a.entityType = :type and a.entityId = :id"
            + " and a.action = :action and a.at >= :since", Instant.class)
        .setParameter("type", type).setParameter("action", action).setParameter("id", entityId).setParameter("since", now.minus(PATIENCE))
        .getSingleResult();
  }
}
