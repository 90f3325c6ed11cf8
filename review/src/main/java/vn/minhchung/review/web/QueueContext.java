package vn.minhchung.review.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.minhchung.review.queue.EvidenceFilter;

/**
 * The queue a reviewer came from: its query string (filters, without the page cursor) travels with the evidence
 * page as {@code ?queue=…} and with each review form, so that after a decision the next item of the same queue
 * opens and "Về hàng chờ" returns to the same filters.
 */
public record QueueContext(String query, EvidenceFilter filter) {
  static final String PARAM = "queue";

  /** The queue of this query string ({@code status=pending&item=3}); unknown or empty values are ignored. */
  static QueueContext parse(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    StringBuilder kept = new StringBuilder();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      if (pair.isEmpty() || eq <= 0) {
        continue;
      }
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (name.equals("before") || value.isBlank() || params.containsKey(name)) {
        continue;
      }
      params.put(name, value);
      kept.append(kept.length() == 0 ? "" : "&").append(enc(name)).append('=').append(enc(value));
    }
    return new QueueContext(kept.toString(), EvidenceRoutes.filter(params::get));
  }

  /** The queue page itself. */
  public String queueUrl() {
    return query.isEmpty() ? "/evidence" : "/evidence?" + query;
  }

  /** An evidence page opened from this queue. */
  public String evidenceUrl(long id) {
    return "/evidence/" + id + "?" + PARAM + "=" + enc(query);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
