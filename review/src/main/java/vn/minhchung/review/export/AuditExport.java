package vn.minhchung.review.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.db.Database;

/**
 * The audit trail of the exported evidence: {@code audit-events.jsonl} holds those events as stored (content,
 * prevHash, hash, id), and {@code audit-chain.txt} the links {@code id prevHash hash} of every event of the
 * full chain from the first exported event to the last, so a reader can check each exported event's hash and
 * that the chain between them is unbroken without seeing the other events' content.
 */
final class AuditExport {
  static final String[] FIELDS = {"id", "at", "actor", "action", "entityType", "entityId", "beforeJson", "afterJson",
      "prevHash", "hash"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final EvidenceQuery query;
  private long firstId = -1;
  private long lastId = -1;
  private String lastHash;
  private int events;

  AuditExport(Database db, EvidenceQuery query) {
    this.db = db;
    this.query = query;
  }

  /** Writes the events of the exported evidence and links, in chain order; returns how many. */
  int writeEvents(OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    long after = 0;
    while (true) {
      long from = after;
      List<AuditEvent> page = db.inTransaction(s -> {
        SelectionQuery<AuditEvent> q = s.createSelectionQuery("from AuditEvent a where a.id > :after and ("
            + "(a.entityType = 'evidence' and a.entityId in (" + query.evidenceIdsAsText() + "))"
            + " or (a.entityType = 'evidence_link' and a.entityId in (" + query.linkIdsAsText() + ")))"
            + " order by a.id", AuditEvent.class);
        q.setParameter("after", from);
        query.bindPlan(q);
        return q.setMaxResults(EvidenceQuery.PAGE).getResultList();
      });
      for (AuditEvent e : page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("at", e.getAt().toString());
        m.put("actor", e.getActor());
        m.put("action", e.getAction());
        m.put("entityType", e.getEntityType());
        m.put("entityId", e.getEntityId());
        m.put("beforeJson", e.getBeforeJson());
        m.put("afterJson", e.getAfterJson());
        m.put("prevHash", e.getPrevHash());
        m.put("hash", e.getHash());
        w.write(JSON.writeValueAsString(m));
        w.write('\n');
        if (firstId < 0) {
          firstId = e.getId();
        }
        lastId = e.getId();
        lastHash = e.getHash();
        events++;
      }
      if (page.size() < EvidenceQuery.PAGE) {
        break;
      }
      after = page.get(page.size() - 1).getId();
    }
    w.flush();
    return events;
  }

  /** Writes {@code id prevHash hash} for every event of the chain from the first to the last exported one. */
  void writeChain(OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    long after = firstId - 1;
    while (firstId >= 0) {
      long from = after;
      List<Object[]> page = db.inTransaction((Session s) -> s.createSelectionQuery(
              "select a.id, a.prevHash, a.hash from AuditEvent a where a.id > :after and a.id <= :last order by a.id", Object[].class)
          .setParameter("after", from).setParameter("last", lastId).setMaxResults(5 * EvidenceQuery.PAGE).getResultList());
      for (Object[] r : page) {
        w.write(r[0] + " " + r[1] + " " + r[2] + "\n");
      }
      if (page.isEmpty() || (Long) page.get(page.size() - 1)[0] >= lastId) {
        break;
      }
      after = (Long) page.get(page.size() - 1)[0];
    }
    w.flush();
  }

  int events() {
    return events;
  }

  /** The last exported event, which is also the last link of {@code audit-chain.txt}. */
  Optional<ExportSummary.Head> head() {
    return lastId < 0 ? Optional.empty() : Optional.of(new ExportSummary.Head(lastId, lastHash));
  }
}
