package vn.minhchung.review.web;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.blob.BlobRecord;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.registry.PlanItem;

/** Everything the evidence detail page shows, loaded in one transaction. */
public record EvidenceDetail(Evidence evidence, List<Capture> captures, CountsChart chart, List<MetricSnapshot> snapshots,
    List<EvidenceLink> links, List<PlanItem> items, List<AuditEvent> history, BlobRecord file,
    List<vn.minhchung.storage.evidence.EvidenceFile> moreFiles) {

  public static Optional<EvidenceDetail> load(Session s, long id) {
    Evidence e = s.find(Evidence.class, id);
    if (e == null) {
      return Optional.empty();
    }
    // A link added by hand has no post: its captures are those of its own address (failed ones too).
    List<Capture> captures = e.getPost() != null ? s.createSelectionQuery(
        "from Capture c where c.post = :p order by c.capturedAt desc", Capture.class).setParameter("p", e.getPost()).getResultList()
        : e.getUrl() != null ? s.createSelectionQuery("from Capture c where c.post is null and c.url = :u order by c.capturedAt desc",
            Capture.class).setParameter("u", e.getUrl()).setMaxResults(50).getResultList() : List.of();
    List<MetricSnapshot> snaps = e.getPost() == null ? List.of() : s.createSelectionQuery(
        "from MetricSnapshot m where m.post = :p order by m.observedAt", MetricSnapshot.class).setParameter("p", e.getPost())
        .setMaxResults(500).getResultList();
    List<EvidenceLink> links = s.createSelectionQuery(
        "from EvidenceLink l join fetch l.planItem i join fetch i.plan where l.evidence = :e order by i.plan.code, i.position",
        EvidenceLink.class).setParameter("e", e).getResultList();
    List<PlanItem> items = s.createSelectionQuery("from PlanItem i join fetch i.plan order by i.plan.code, i.position",
        PlanItem.class).getResultList();
    List<AuditEvent> history = s.createSelectionQuery(
        "from AuditEvent a where a.entityType = 'evidence' and a.entityId = :id order by a.id desc", AuditEvent.class)
        .setParameter("id", Long.toString(id)).setMaxResults(50).getResultList();
    BlobRecord file = e.getBlobSha() == null ? null : s.find(BlobRecord.class, e.getBlobSha());
    List<vn.minhchung.storage.evidence.EvidenceFile> more = s.createSelectionQuery(
        "from EvidenceFile f where f.evidence = :e order by f.id", vn.minhchung.storage.evidence.EvidenceFile.class)
        .setParameter("e", e).getResultList();
    return Optional.of(new EvidenceDetail(e, captures, CountsChart.of(snaps), snaps, links, items, history, file, more));
  }

  /** The link of this evidence to an item, if any (any state). */
  public Optional<EvidenceLink> linkTo(PlanItem item) {
    return links.stream().filter(l -> l.getPlanItem().getId().equals(item.getId())).findFirst();
  }

  /** True when at least one link waits for a person to confirm or dismiss it. */
  public boolean hasSuggestions() {
    return links.stream().anyMatch(l -> "suggested".equals(l.getState()));
  }

  public Capture latestCapture() {
    return evidence.getCapture() != null ? evidence.getCapture() : captures.isEmpty() ? null : captures.get(0);
  }
}
