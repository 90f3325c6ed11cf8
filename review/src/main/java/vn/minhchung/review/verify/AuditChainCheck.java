package vn.minhchung.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.storage.audit.AuditRecord;

/**
 * Re-checks the exported audit trail: each event's hash against its content, events in chain order, and the
 * chain links from the first exported event to the last unbroken, each exported event sitting at its place.
 */
final class AuditChainCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LINE = 1 << 24;

  private AuditChainCheck() {}

  /** One line of {@code audit-chain.txt}. */
  record Link(long id, String prevHash, String hash) {}

  /** What was read: the exported events and the chain links, in file order. */
  record Trail(int events, List<Link> links) {}

  /** Adds the problems found; returns the events and links checked. */
  static Trail check(ZipFile zip, List<VerificationReport.Problem> problems) throws IOException {
    Map<Long, AuditRecord> events = new HashMap<>();
    String file = DossierLayout.AUDIT_EVENTS;
    try (BufferedReader r = reader(zip, file)) {
      long previousId = Long.MIN_VALUE;
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.length() > MAX_LINE) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + " is longer than " + MAX_LINE + " characters"));
          continue;
        }
        try {
          JsonNode n = JSON.readTree(line);
          long id = n.path("id").asLong(Long.MIN_VALUE);
          AuditRecord e = new AuditRecord(Instant.parse(n.path("at").asText()), text(n, "actor"), text(n, "action"),
              text(n, "entityType"), text(n, "entityId"), text(n, "beforeJson"), text(n, "afterJson"),
              text(n, "prevHash"), text(n, "hash"));
          if (e.hash() == null || e.prevHash() == null || !e.hashMatches()) {
            problems.add(new VerificationReport.Problem(file, "line " + lineNo + " (event " + id + ", " + e.action()
                + " " + e.entityType() + " " + e.entityId() + "): content does not match its hash"));
          }
          if (id <= previousId) {
            problems.add(new VerificationReport.Problem(file, "line " + lineNo + " (event " + id
                + "): events are not in chain order (reordered or duplicated)"));
          }
          previousId = id;
          events.put(id, e);
        } catch (IOException | DateTimeParseException | NullPointerException ex) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + ": not an audit event: " + ex.getMessage()));
        }
      }
    }
    List<Link> links = checkChain(zip, events, problems);
    return new Trail(events.size(), links);
  }

  private static List<Link> checkChain(ZipFile zip, Map<Long, AuditRecord> events, List<VerificationReport.Problem> problems)
      throws IOException {
    String file = DossierLayout.AUDIT_CHAIN;
    List<Link> links = new ArrayList<>();
    int found = 0;
    try (BufferedReader r = reader(zip, file)) {
      String previousHash = null;
      long previousId = Long.MIN_VALUE;
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String[] f = line.split(" ", -1);
        long id;
        try {
          id = Long.parseLong(f[0]);
        } catch (NumberFormatException ex) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + ": expected 'id prevHash hash'"));
          continue;
        }
        if (f.length != 3) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + ": expected 'id prevHash hash'"));
          continue;
        }
        if (id <= previousId) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + ": event " + id + " is out of order"));
        }
        if (previousHash != null && !f[1].equals(previousHash)) {
          problems.add(new VerificationReport.Problem(file, "line " + lineNo + ": event " + id
              + " does not link to the event before it (events removed or reordered)"));
        }
        AuditRecord e = events.get(id);
        if (e != null) {
          found++;
          if (!e.hash().equals(f[2]) || !e.prevHash().equals(f[1])) {
            problems.add(new VerificationReport.Problem(DossierLayout.AUDIT_EVENTS, "event " + id
                + " is not the event at that place in the chain"));
          }
        }
        links.add(new Link(id, f[1], f[2]));
        previousHash = f[2];
        previousId = id;
      }
    }
    if (found != events.size()) {
      problems.add(new VerificationReport.Problem(file, (events.size() - found)
          + " exported event(s) are not in the chain"));
    }
    return links;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static BufferedReader reader(ZipFile zip, String name) throws IOException {
    return new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(name)), StandardCharsets.UTF_8));
  }
}
