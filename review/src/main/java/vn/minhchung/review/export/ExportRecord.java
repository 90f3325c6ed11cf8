package vn.minhchung.review.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.storage.audit.AuditLog;

/**
 * The audit event {@code dossier.export} written for every dossier made, from the web or the command line:
 * who, which plan, the filters and counts, the manifest's SHA-256 and the head of the exported audit chain.
 * It is what {@code verify --against-db} looks a dossier up by.
 */
public final class ExportRecord {
  public static final String ACTION = "dossier.export";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportRecord() {}

  public static void append(Session s, Instant now, String actor, ExportRequest request, ExportSummary summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item", request.itemCode().orElse(null));
    m.put("unit", request.unitCode().orElse(null));
    m.put("from", request.from().map(Object::toString).orElse(null));
    m.put("to", request.to().map(Object::toString).orElse(null));
    m.put("allStatuses", request.allStatuses());
    m.put("evidence", summary.evidence());
    m.put("files", summary.files());
    m.put("bytes", summary.bytes());
    m.put("manifestSha256", summary.manifestSha256());
    m.put("timestamped", summary.timestamped());
    m.put("auditHeadId", summary.auditHead().map(ExportSummary.Head::eventId).orElse(null));
    m.put("auditHead", summary.auditHead().map(ExportSummary.Head::hash).orElse(null));
    try {
      AuditLog.append(s, now, actor, ACTION, "plan", request.planCode(), null, JSON.writeValueAsString(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the export record", e);
    }
  }

  /** The text {@code manifestSha256} takes in a record, for finding the records of one manifest. */
  public static String manifestField(String sha256) {
    return "\"manifestSha256\":\"" + sha256 + "\"";
  }
}
