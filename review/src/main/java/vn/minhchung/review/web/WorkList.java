package vn.minhchung.review.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.review.progress.DeadlineStatus;
import vn.minhchung.review.progress.ItemProgress;
import vn.minhchung.review.progress.PlanProgress;
import vn.minhchung.storage.post.HarvestRun;

/**
 * "Việc cần làm" of one plan: the items past or near their deadline that still miss expected evidence (most
 * urgent first), the plan's evidence waiting for review and link suggestions waiting for a decision (counted per
 * plan and per item, counted as the queue filtered the same way counts them), and the channels that are blocked,
 * failing or silent.
 */
public record WorkList(String planCode, List<DueItem> dueItems, long pending, long suggested, List<ChannelHealth> channels,
    Map<Long, Long> pendingByItem, Map<Long, Long> suggestedByItem) {

  /** An item that needs evidence soon or already too late, with what waits on it in the queue. */
  public record DueItem(ItemProgress item, DeadlineStatus deadline, long pending, long suggested) {}

  public static WorkList of(Session s, PlanProgress progress, List<ChannelHealth> health, int warnDays) {
    String plan = progress.planCode();
    Map<Long, Long> pendingByItem = perItem(s.createSelectionQuery("select l.planItem.id, count(distinct l.evidence.id)"
        + " from EvidenceLink l where l.planItem.plan.code = :plan and l.state <> 'rejected' and l.evidence.status = 'pending'"
        + " group by l.planItem.id", Object[].class).setParameter("plan", plan).getResultList());
    Map<Long, Long> suggestedByItem = perItem(s.createSelectionQuery("select l.planItem.id, count(l) from EvidenceLink l"
        + " where l.planItem.plan.code = :plan and l.state = 'suggested' group by l.planItem.id", Object[].class)
        .setParameter("plan", plan).getResultList());
    long pending = s.createSelectionQuery("select count(distinct l.evidence.id) from EvidenceLink l"
        + " where l.planItem.plan.code = :plan and l.state <> 'rejected' and l.evidence.status = 'pending'", Long.class)
        .setParameter("plan", plan).getSingleResult();
    long suggested = s.createSelectionQuery("select count(distinct l.evidence.id) from EvidenceLink l"
        + " where l.planItem.plan.code = :plan and l.state = 'suggested'", Long.class).setParameter("plan", plan).getSingleResult();
    List<DueItem> due = progress.items().stream()
        .filter(i -> !i.reportOnly() && !i.complete() && i.deadline().isPresent())
        .filter(i -> i.deadline().get().overdue() || i.deadline().get().soon(warnDays))
        .map(i -> new DueItem(i, i.deadline().get(), pendingByItem.getOrDefault(i.itemId(), 0L),
            suggestedByItem.getOrDefault(i.itemId(), 0L)))
        .sorted(Comparator.comparingLong((DueItem d) -> d.deadline().daysLeft()))
        .toList();
    List<ChannelHealth> channels = health.stream().filter(ChannelHealth::alert).toList();
    return new WorkList(plan, due, pending, suggested, channels, pendingByItem, suggestedByItem);
  }

  /** True when nothing waits for a person in this plan. */
  public boolean empty() {
    return dueItems.isEmpty() && pending == 0 && suggested == 0 && channels.isEmpty();
  }

  /** Vietnamese words for why a channel needs attention. */
  public static String channelProblem(ChannelHealth h) {
    if (h.lastRun() != null && h.lastRun().getStatus() == HarvestRun.Status.BLOCKED) {
      return "bị nền tảng chặn ở lần chạy gần nhất";
    }
    if (h.failureStreak() > 0) {
      return "lỗi " + h.failureStreak() + " lần liên tiếp";
    }
    return h.lastSuccessAt() == null ? "chưa thu thập thành công lần nào" : "lâu chưa thu thập thành công";
  }

  private static Map<Long, Long> perItem(List<Object[]> rows) {
    Map<Long, Long> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put((Long) r[0], (Long) r[1]);
    }
    return out;
  }
}
