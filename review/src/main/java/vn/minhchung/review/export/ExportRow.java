package vn.minhchung.review.export;

import java.time.Instant;

/**
 * One evidence item as the dossier shows it under one plan item: flat values read in one query, so no entity
 * stays in memory. Capture fields are null for uploads; {@code blobSha} is null for harvested evidence.
 */
record ExportRow(long evidenceId, int component, String status, String source, String title, String url,
    Instant occurredAt, String blobSha, String fileName, String mediaType, String unitCode, String unitName,
    String channelName, String channelKind, Long postId, Instant postedAt, String postedAtText, Long captureId,
    Instant capturedAt, String screenshotSha, String fullpageSha, String htmlSha, String warcSha, String jsonSha,
    String linkState, String postFlags) {

  /**
   * Interaction counts of the latest snapshot of the post; each null when the platform does not show it. A count
   * read shortened from a page ("1,2K") has its upper bound in {@code upper} by key and is shown as approximate.
   */
  record Counts(Long reactions, Long comments, Long shares, Long views, Long likes, java.util.Map<String, Long> upper) {
    static final Counts NONE = new Counts(null, null, null, null, null, java.util.Map.of());

    Counts {
      upper = upper == null ? java.util.Map.of() : java.util.Map.copyOf(upper);
    }

    /** "Lượt thích": reactions on Facebook/Zalo, likes on YouTube. */
    Long likesShown() {
      return reactions != null ? reactions : likes;
    }

    /** Whether "lượt thích" is a shortened count (known only to its shown precision). */
    boolean likesApproximate() {
      return upper.containsKey(reactions != null ? "reactions" : "likes");
    }

    boolean approximate(String key) {
      return upper.containsKey(key);
    }
  }

  static final String SELECT = "select e.id, e.component, e.status, e.source, e.title, e.url, e.occurredAt, e.blobSha,"
      + " e.fileName, e.mediaType, coalesce(u.code, cu.code), coalesce(u.name, cu.name), ch.name, ch.kind, p.id,"
      + " p.postedAt, coalesce(c.postedAtText, p.postedAtText), c.id, c.capturedAt, c.screenshotSha, c.fullpageSha,"
      + " c.htmlSha, c.warcSha, c.jsonSha, l.state, p.flags";

  static ExportRow of(Object[] r) {
    return new ExportRow((Long) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4],
        (String) r[5], (Instant) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11],
        (String) r[12], (String) r[13], (Long) r[14], (Instant) r[15], (String) r[16], (Long) r[17], (Instant) r[18],
        (String) r[19], (String) r[20], (String) r[21], (String) r[22], (String) r[23], (String) r[24],
        (String) r[25]);
  }
}
