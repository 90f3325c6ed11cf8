package vn.minhchung.storage.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import vn.minhchung.storage.blob.BlobStore;

/**
 * An audit event as a value: what the hash chain covers. {@code hash = SHA-256(prevHash + canonical JSON array
 * of the other fields)}, so editing, removing or reordering events breaks the chain.
 */
public record AuditRecord(Instant at, String actor, String action, String entityType, String entityId,
    String beforeJson, String afterJson, String prevHash, String hash) {

  /** The prev-hash of the first event of a chain. */
  public static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static String computeHash(Instant at, String actor, String action, String entityType, String entityId,
      String beforeJson, String afterJson, String prevHash) {
    try {
      String canonical = JSON.writeValueAsString(
          Arrays.asList(at.toString(), actor, action, entityType, entityId, beforeJson, afterJson));
      var md = BlobStore.sha256();
      md.update(prevHash.getBytes(StandardCharsets.US_ASCII));
      md.update(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise audit fields", e);
    }
  }

  public boolean hashMatches() {
    return hash.equals(computeHash(at, actor, action, entityType, entityId, beforeJson, afterJson, prevHash));
  }

  /**
   * Checks a chain in order: every event's hash matches its content and its prevHash is the hash before it.
   * The first event may start anywhere (an export holds a slice of the chain). Returns every problem found.
   */
  public static List<String> verifyChain(List<AuditRecord> events) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      AuditRecord e = events.get(i);
      if (!e.hashMatches()) {
        problems.add("audit event " + (i + 1) + " (" + e.action() + " " + e.entityType() + " " + e.entityId()
            + "): content does not match its hash");
      }
      if (i > 0 && !e.prevHash().equals(events.get(i - 1).hash())) {
        problems.add("audit event " + (i + 1) + " (" + e.action() + "): previous hash does not match event " + i
            + " (events removed or reordered)");
      }
    }
    return problems;
  }
}
