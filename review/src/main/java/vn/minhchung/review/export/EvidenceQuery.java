package vn.minhchung.review.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import vn.minhchung.config.settings.Settings;

/**
 * The evidence of one plan item that a request selects, read in pages by keyset (component, evidence id) so
 * that a dossier of any size is read with constant memory. The same filter selects the audit events.
 */
final class EvidenceQuery {
  static final int PAGE = 500;

  private static final String FROM = " from EvidenceLink l join l.evidence e join l.planItem i"
      + " left join e.unit u left join e.channel ch left join ch.unit cu left join e.post p left join e.capture c";

  private final ExportRequest request;

  EvidenceQuery(ExportRequest request) {
    this.request = request;
  }

  /** The next page of an item after (component, evidence id); empty at the end. */
  List<ExportRow> page(Session s, long itemId, int afterComponent, long afterId) {
    SelectionQuery<Object[]> q = s.createSelectionQuery(ExportRow.SELECT + FROM + " where i.id = :item and "
        + filter() + " and (e.component > :ac or (e.component = :ac and e.id > :aid))"
        + " order by e.component, e.id", Object[].class);
    q.setParameter("item", itemId).setParameter("ac", afterComponent).setParameter("aid", afterId);
    bind(q);
    return q.setMaxResults(PAGE).getResultList().stream().map(ExportRow::of).toList();
  }

  /** Latest interaction counts of the posts of a page, by post id. */
  static Map<Long, ExportRow.Counts> counts(Session s, List<ExportRow> rows) {
    List<Long> postIds = rows.stream().map(ExportRow::postId).filter(id -> id != null).distinct().toList();
    Map<Long, ExportRow.Counts> out = new HashMap<>();
    if (postIds.isEmpty()) {
      return out;
    }
    List<Object[]> found = s.createSelectionQuery("select m.post.id, m.reactions, m.comments, m.shares, m.views, m.likes,"
        + " m.reactionsMax, m.commentsMax, m.sharesMax, m.viewsMax, m.likesMax from MetricSnapshot m where m.post.id in :ids and m.observedAt ="
        + " (select max(m2.observedAt) from MetricSnapshot m2 where m2.post = m.post) order by m.id", Object[].class)
        .setParameter("ids", postIds).getResultList();
    for (Object[] r : found) {
      Map<String, Long> upper = new HashMap<>();
      String[] keys = {"reactions", "comments", "shares", "views", "likes"};
      for (int i = 0; i < keys.length; i++) {
        if (r[6 + i] != null) {
          upper.put(keys[i], (Long) r[6 + i]);
        }
      }
      out.put((Long) r[0], new ExportRow.Counts((Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4], (Long) r[5], upper));
    }
    return out;
  }

  /** A further file of an evidence item (table {@code evidence_file}): its blob, its name and its type. */
  record MoreFile(String sha, String fileName, String mediaType) {}

  /** The further files of the evidence items of a page, by evidence id, in the order they were added. */
  static Map<Long, List<MoreFile>> moreFiles(Session s, List<ExportRow> rows) {
    List<Long> ids = rows.stream().map(ExportRow::evidenceId).distinct().toList();
    Map<Long, List<MoreFile>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object[] r : s.createSelectionQuery("select f.evidence.id, f.blobSha, f.fileName, f.mediaType from EvidenceFile f"
        + " where f.evidence.id in :ids order by f.id", Object[].class).setParameter("ids", ids).getResultList()) {
      out.computeIfAbsent((Long) r[0], k -> new java.util.ArrayList<>()).add(new MoreFile((String) r[1], (String) r[2],
          (String) r[3]));
    }
    return out;
  }

  /** HQL of the ids (as text) of every evidence item the request selects, for the audit event query. */
  String evidenceIdsAsText() {
    return "select cast(e.id as String)" + FROM + " join i.plan pl where pl.code = :plan and " + filter()
        + request.itemCode().map(c -> " and i.code = :itemCode").orElse("");
  }

  /** HQL of the ids (as text) of the links the request selects. */
  String linkIdsAsText() {
    return "select cast(l.id as String)" + FROM + " join i.plan pl where pl.code = :plan and " + filter()
        + request.itemCode().map(c -> " and i.code = :itemCode").orElse("");
  }

  void bindPlan(SelectionQuery<?> q) {
    q.setParameter("plan", request.planCode());
    request.itemCode().ifPresent(c -> q.setParameter("itemCode", c));
    bind(q);
  }

  private String filter() {
    StringBuilder w = new StringBuilder(request.allStatuses()
        ? "l.state <> 'rejected' and e.status <> 'rejected'" : "l.state = 'confirmed' and e.status = 'approved'");
    request.unitCode().ifPresent(u -> w.append(" and coalesce(u.code, cu.code) = :unit"));
    request.from().ifPresent(f -> w.append(" and e.occurredAt >= :from"));
    request.to().ifPresent(t -> w.append(" and e.occurredAt < :to"));
    return w.toString();
  }

  private void bind(SelectionQuery<?> q) {
    request.unitCode().ifPresent(u -> q.setParameter("unit", u));
    request.from().ifPresent(f -> q.setParameter("from", startOf(f)));
    request.to().ifPresent(t -> q.setParameter("to", startOf(t.plusDays(1))));
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Settings.ZONE).toInstant();
  }
}
