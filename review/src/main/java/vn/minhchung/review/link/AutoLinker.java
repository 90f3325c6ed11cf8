package vn.minhchung.review.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * Suggests links from new evidence to plan items. Links scoring at least the threshold ({@code link.threshold})
 * are created with method {@code auto} and state {@code suggested} ("đề xuất"); a reviewer confirms or rejects
 * them, and evidence is never approved here. Idempotent: a pair that has a link in any state (including one a
 * reviewer rejected) is never touched again. The harvest service calls {@link #linkPosts} after each run.
 */
public final class AutoLinker {
  public static final String ACTOR = "tu-dong-lien-ket";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final double threshold;

  public AutoLinker(double threshold) {
    this.threshold = threshold;
  }

  public static AutoLinker fromSettings(Settings s) {
    return new AutoLinker(Double.parseDouble(s.string("link.threshold").trim()));
  }

  /**
   * Scores the evidence items of the given posts (not rejected) against every item; returns links created. The
   * harvest service calls this with the posts one run created, so concurrent runs of different channels never
   * score the same evidence.
   */
  public int linkPosts(Session s, Collection<Long> postIds, Instant now) {
    List<ItemProfile> profiles = profiles(s);
    if (profiles.isEmpty() || postIds.isEmpty()) {
      return 0;
    }
    int created = 0;
    List<Long> ids = List.copyOf(postIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<Evidence> evidence = s.createSelectionQuery("from Evidence e left join fetch e.post p left join fetch e.unit"
          + " left join fetch e.channel c left join fetch c.unit where p.id in :ids and e.status <> 'rejected'"
          + " order by e.id", Evidence.class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .getResultList();
      for (Evidence e : evidence) {
        created += link(s, e, profiles, now);
      }
    }
    return created;
  }

  int link(Session s, Evidence e, List<ItemProfile> profiles, Instant now) {
    Set<Long> linked = new HashSet<>(s.createSelectionQuery(
        "select l.planItem.id from EvidenceLink l where l.evidence = :e", Long.class).setParameter("e", e).getResultList());
    String text = LinkScorer.normalize(text(e));
    Unit unit = e.getUnit() != null ? e.getUnit() : e.getChannel() != null ? e.getChannel().getUnit() : null;
    String unitCode = unit == null ? null : unit.getCode();
    LocalDate date = e.getOccurredAt() == null ? null : LocalDate.ofInstant(e.getOccurredAt(), Settings.ZONE);
    int created = 0;
    for (ItemProfile p : profiles) {
      if (linked.contains(p.itemId())) {
        continue;
      }
      double score = LinkScorer.score(p, text, unitCode, date);
      if (score >= threshold) {
        PlanItem item = s.getReference(PlanItem.class, p.itemId());
        s.persist(new EvidenceLink(e, item, "auto", "suggested", score, ACTOR, now));
        AuditLog.append(s, now, ACTOR, "evidence.autolink", "evidence", e.getId().toString(), null,
            String.format(Locale.ROOT, "{\"item\":\"%s\",\"score\":%.2f,\"state\":\"suggested\"}", p.itemCode(), score));
        created++;
      }
    }
    return created;
  }

  private static String text(Evidence e) {
    Post p = e.getPost();
    return Stream.of(e.getTitle(), p == null ? null : p.getTitle(), p == null ? null : p.getLead(),
        p == null ? null : p.getBody(), e.getNote()).filter(x -> x != null).distinct().collect(Collectors.joining(" \n "));
  }

  /** Every plan item as a profile: keywords from {@code keywords_json}, lead and cooperating units, plan window. */
  public static List<ItemProfile> profiles(Session s) {
    List<ItemProfile> out = new ArrayList<>();
    for (PlanItem i : s.createSelectionQuery("from PlanItem i join fetch i.plan left join fetch i.lead", PlanItem.class).getResultList()) {
      Set<String> units = new HashSet<>();
      if (i.getLead() != null) {
        units.add(i.getLead().getCode());
      }
      i.getCooperating().forEach(u -> units.add(u.getCode()));
      out.add(ItemProfile.of(i.getId(), i.getCode(), keywords(i), units, i.getPlan().getIssuedOn(), i.getDeadline()));
    }
    return out;
  }

  private static List<String> keywords(PlanItem i) {
    if (i.getKeywordsJson() == null || i.getKeywordsJson().isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(i.getKeywordsJson(), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan item " + i.getPlan().getCode() + " " + i.getCode()
          + ": keywords_json is not a JSON array of strings: " + e.getOriginalMessage(), e);
    }
  }
}
