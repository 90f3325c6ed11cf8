package vn.minhchung.review.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.MetricSnapshot;

/**
 * Finds evidence for the queue. Text search folds the query with {@link VietnameseText#queryTerms} (so
 * "chuyen doi so" and "CĐS" find "chuyển đổi số") and requires each term as a word prefix in
 * {@code search_text} (a {@code like} per term: portable between H2 and PostgreSQL). Paging is by keyset on
 * the id, newest first, so a deep page costs the same as the first.
 */
public final class EvidenceSearch {
  private EvidenceSearch() {}

  public static EvidencePage find(Session s, EvidenceFilter f, int pageSize) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(f, params);
    SelectionQuery<Evidence> q = s.createSelectionQuery("from Evidence e left join fetch e.channel left join fetch e.unit"
        + " left join fetch e.capture where " + where + " order by e.id desc", Evidence.class);
    params.forEach(q::setParameter);
    List<Evidence> rows = new ArrayList<>(q.setMaxResults(pageSize + 1).getResultList());
    Long next = null;
    if (rows.size() > pageSize) {
      rows = new ArrayList<>(rows.subList(0, pageSize));
      next = rows.get(rows.size() - 1).getId();
    }
    return new EvidencePage(rows, links(s, rows), next);
  }

  /** How many evidence items match the filter on every page (the cursor {@code beforeId} is ignored). */
  public static long count(Session s, EvidenceFilter f) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(f.withBefore(null), params);
    SelectionQuery<Long> q = s.createSelectionQuery("select count(e) from Evidence e where " + where, Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** The id of the evidence after {@code id} in the queue of this filter (newest first), if any. */
  public static Optional<Long> nextId(Session s, EvidenceFilter f, long id) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(f.withBefore(id), params);
    SelectionQuery<Long> q = s.createSelectionQuery("select e.id from Evidence e where " + where + " order by e.id desc", Long.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(1).getResultList().stream().findFirst();
  }

  /** The latest count snapshot of each harvested item's post, by evidence id (uploads have none). */
  public static Map<Long, MetricSnapshot> latestCounts(Session s, List<Evidence> evidence) {
    Map<Long, Long> evidenceByPost = new HashMap<>();
    evidence.stream().filter(e -> e.getPost() != null).forEach(e -> evidenceByPost.put(e.getPost().getId(), e.getId()));
    if (evidenceByPost.isEmpty()) {
      return Map.of();
    }
    Map<Long, MetricSnapshot> out = new HashMap<>();
    s.createSelectionQuery("from MetricSnapshot m where m.post.id in :posts and m.observedAt ="
            + " (select max(m2.observedAt) from MetricSnapshot m2 where m2.post = m.post) order by m.id", MetricSnapshot.class)
        .setParameter("posts", evidenceByPost.keySet()).getResultList()
        .forEach(m -> out.put(evidenceByPost.get(m.getPost().getId()), m));
    return out;
  }

  private static String where(EvidenceFilter f, Map<String, Object> params) {
    StringBuilder hql = new StringBuilder("1 = 1");
    if (f.planCode() != null) {
      hql.append(" and exists (select 1 from EvidenceLink l where l.evidence = e and l.planItem.plan.code = :plan and l.state <> 'rejected')");
      params.put("plan", f.planCode());
    }
    if (f.itemId() != null) {
      hql.append(" and exists (select 1 from EvidenceLink l where l.evidence = e and l.planItem.id = :item and l.state <> 'rejected')");
      params.put("item", f.itemId());
    }
    if (f.linkState() != null) {
      // The state belongs to a link of the chosen plan and item, not to any link of the evidence.
      hql.append(" and exists (select 1 from EvidenceLink l where l.evidence = e and l.state = :linkState")
          .append(f.planCode() != null ? " and l.planItem.plan.code = :plan" : "")
          .append(f.itemId() != null ? " and l.planItem.id = :item" : "").append(")");
      params.put("linkState", f.linkState());
    }
    if (f.unitId() != null) {
      hql.append(" and e.unit.id = :unit");
      params.put("unit", f.unitId());
    }
    if (f.channelId() != null) {
      hql.append(" and e.channel.id = :channel");
      params.put("channel", f.channelId());
    }
    if (f.flag() != null) {
      hql.append(" and ").append(PostFlags.hqlHas("e.post.flags", "flag"));
      params.put("flag", PostFlags.pattern(f.flag()));
    }
    if (f.kind() != null) {
      hql.append(" and e.kind = :kind");
      params.put("kind", f.kind());
    }
    if (f.component() != null) {
      hql.append(" and e.component = :component");
      params.put("component", f.component());
    }
    if (f.status() != null) {
      hql.append(" and e.status = :status");
      params.put("status", f.status());
    }
    if (f.from() != null) {
      hql.append(" and e.occurredAt >= :from");
      params.put("from", f.from().atStartOfDay(Settings.ZONE).toInstant());
    }
    if (f.to() != null) {
      hql.append(" and e.occurredAt < :to");
      params.put("to", f.to().plusDays(1).atStartOfDay(Settings.ZONE).toInstant());
    }
    if (f.query() != null) {
      List<String> terms = VietnameseText.queryTerms(f.query());
      for (int i = 0; i < terms.size(); i++) {
        hql.append(" and e.searchText like :t").append(i);
        // Folded terms hold only letters and digits, so they need no LIKE escaping.
        params.put("t" + i, "% " + terms.get(i) + "%");
      }
    }
    if (f.beforeId() != null) {
      hql.append(" and e.id < :before");
      params.put("before", f.beforeId());
    }
    return hql.toString();
  }

  /** The non-rejected links of these evidence items, by evidence id, in plan-item order. */
  public static Map<Long, List<EvidenceLink>> links(Session s, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = evidence.stream().map(Evidence::getId).toList();
    return s.createSelectionQuery("from EvidenceLink l join fetch l.planItem i join fetch i.plan"
            + " where l.evidence.id in :ids and l.state <> 'rejected' order by i.position", EvidenceLink.class)
        .setParameter("ids", ids).getResultList().stream()
        .collect(Collectors.groupingBy(l -> l.getEvidence().getId(), LinkedHashMap::new, Collectors.toList()));
  }
}
