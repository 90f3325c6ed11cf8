package vn.minhchung.review.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;

/**
 * How a channel's harvesting is doing: last run, last success, failed runs in a row since the last success,
 * the last error, and whether staff should be alerted (a failure streak, or no success for {@code staleDays}).
 */
public record ChannelHealth(Channel channel, HarvestRun lastRun, Instant lastSuccessAt, int failureStreak,
    String lastError, boolean alert) {

  public static List<ChannelHealth> load(Session s, Instant now, int staleDays) {
    List<Channel> channels = s.createSelectionQuery("from Channel c join fetch c.unit order by c.code", Channel.class).getResultList();
    Map<Long, Instant> lastSuccess = new HashMap<>();
    for (Object[] row : s.createSelectionQuery("select r.channel.id, max(r.startedAt) from HarvestRun r"
        + " where r.status in ('success', 'partial') group by r.channel.id", Object[].class).getResultList()) {
      lastSuccess.put((Long) row[0], (Instant) row[1]);
    }
    List<ChannelHealth> out = new ArrayList<>();
    for (Channel c : channels) {
      List<HarvestRun> recent = s.createSelectionQuery("from HarvestRun r where r.channel = :c order by r.startedAt desc",
          HarvestRun.class).setParameter("c", c).setMaxResults(20).getResultList();
      int streak = 0;
      String error = null;
      for (HarvestRun r : recent) {
        if (r.getStatus() == HarvestRun.Status.FAILED || r.getStatus() == HarvestRun.Status.INTERRUPTED
            || r.getStatus() == HarvestRun.Status.BLOCKED) {
          streak++;
          if (error == null) {
            error = r.getError();
          }
        } else if (r.getStatus() != HarvestRun.Status.RUNNING && r.getStatus() != HarvestRun.Status.SKIPPED) {
          break;
        }
      }
      Instant ok = lastSuccess.get(c.getId());
      boolean stale = c.isActive() && (ok == null || ok.plus(Duration.ofDays(staleDays)).isBefore(now));
      boolean alert = c.isActive() && (streak > 0 || stale);
      out.add(new ChannelHealth(c, recent.isEmpty() ? null : recent.get(0), ok, streak, error, alert));
    }
    return out;
  }
}
