package vn.minhchung.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.review.export.ExportRecord;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.db.Database;

/**
 * Compares a dossier with the database that exported it, a value outside the ZIP: an export event
 * ({@link ExportRecord}) must name the dossier's manifest SHA-256 and audit head, and every link of
 * {@code audit-chain.txt} must be the database's event of that id with the same hashes (checked also when the
 * manifest is unknown, so that every rewritten event is named). A dossier whose files
 * and manifest were rewritten, or whose audit events were rewritten with their hashes, fails here.
 */
final class RecordedExportCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;

  private RecordedExportCheck() {}

  static Optional<VerificationReport.Recorded> check(Database db, String manifestSha256, List<AuditChainCheck.Link> links,
      List<VerificationReport.Problem> problems) {
    List<AuditEvent> exports = db.inTransaction(s -> s.createSelectionQuery(
            "from AuditEvent a where a.action = :action and a.afterJson like :field order by a.id", AuditEvent.class)
        .setParameter("action", ExportRecord.ACTION)
        .setParameter("field", "%" + ExportRecord.manifestField(manifestSha256) + "%").getResultList());
    if (exports.isEmpty()) {
      problems.add(new VerificationReport.Problem(DossierLayout.MANIFEST, "not recorded: no export in this database "
          + "made a manifest with SHA-256 " + manifestSha256 + " (the dossier was not exported from this database, "
          + "or its files and manifest were rewritten)"));
    }
    Optional<AuditEvent> export = exports.stream().findFirst();
    String head = links.isEmpty() ? null : links.get(links.size() - 1).hash();
    String recordedHead = export.map(RecordedExportCheck::recordedHead).orElse(null);
    if (recordedHead != null && !recordedHead.equals(head)) {
      problems.add(new VerificationReport.Problem(DossierLayout.AUDIT_CHAIN, "its head is " + head + ", the export "
          + "recorded in the database (event " + export.get().getId() + ") says " + recordedHead));
    }
    int matched = 0;
    for (int from = 0; from < links.size(); from += BATCH) {
      List<AuditChainCheck.Link> batch = links.subList(from, Math.min(links.size(), from + BATCH));
      Map<Long, Object[]> stored = new HashMap<>();
      db.inTransaction(s -> s.createSelectionQuery("select a.id, a.prevHash, a.hash from AuditEvent a where a.id in :ids",
              Object[].class).setParameter("ids", batch.stream().map(AuditChainCheck.Link::id).toList()).getResultList())
          .forEach(r -> stored.put((Long) r[0], r));
      for (AuditChainCheck.Link l : batch) {
        Object[] r = stored.get(l.id());
        if (r == null) {
          problems.add(new VerificationReport.Problem(DossierLayout.AUDIT_CHAIN, "event " + l.id()
              + " is not in the database"));
        } else if (!l.hash().equals(r[2]) || !l.prevHash().equals(r[1])) {
          problems.add(new VerificationReport.Problem(DossierLayout.AUDIT_CHAIN, "event " + l.id() + " differs from "
              + "the database's event " + l.id() + " (hash " + r[2] + "): the event was rewritten"));
        } else {
          matched++;
        }
      }
    }
    int linksMatched = matched;
    return export.map(e -> new VerificationReport.Recorded(e.getId(), e.getAt(), e.getActor(), linksMatched));
  }

  /** The audit head an export recorded; null for exports made before heads were recorded. */
  private static String recordedHead(AuditEvent export) {
    try {
      JsonNode n = JSON.readTree(export.getAfterJson()).path("auditHead");
      return n.isTextual() ? n.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
