package vn.minhchung.review.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values people should never read: raw ISO-8601 or epoch dates, counts without thousands separators,
 * stored codes (statuses, kinds, media types, JSON keys) and English sentences. URLs, host names and hashes are
 * left out before looking; short technical names (URL, ZIP, SHA-256 …) are allowed.
 */
public final class RawValues {
  private RawValues() {}

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT");
  private static final Pattern EPOCH = Pattern.compile("(?<![\\d.,])\\d{12,13}(?![\\d.,])");
  /** An enum constant's name (DEADLINE_EVIDENCE, BIEN_BAN) where its Vietnamese name belongs. */
  private static final Pattern ENUM = Pattern.compile("(?<![\\p{L}\\d_-])[A-Z][A-Z0-9]*_[A-Z0-9_]+(?![\\p{L}\\d_-])");
  private static final Pattern UNGROUPED = Pattern.compile("(?<![\\d.,/:#-])\\d{4,11}(?![\\d.,/:-])");
  private static final Pattern URLS = Pattern.compile("(?:https?://|www\\.)\\S+|[0-9a-f]{12,64}…?|\\b[\\w.-]+\\.(?:vn|com|html)\\b");
  /** Codes stored in the database that must reach people as Vietnamese words. */
  private static final List<String> CODES = List.of("ok", "pending", "approved", "rejected", "suggested", "confirmed", "success",
      "partial", "failed", "interrupted", "skipped", "running", "auth_expired", "missing_fields", "login_wall",
      "not_found", "unavailable", "timeout", "harvested", "uploaded", "manual", "auto", "schedule", "transient",
      "facebook_page", "zalo_oa", "youtube_channel", "news_site", "web_page", "stale_channel", "failure_streak",
      "deadline_evidence", "capture_failed", "capture_unavailable", "image/jpeg", "image/png", "application/pdf",
      "reviewedBy", "status", "reason", "null", "true", "false", "bien_ban", "bao_cao", "quyet_dinh", "ke_hoach",
      "kich_ban", "thiet_ke", "video/mp4", "acknowledgedBy", "docKind", "feedUrl", "listingUrl", "articleLink", "via");
  /** English words that give a sentence away; short technical names people use are allowed. */
  private static final List<String> ENGLISH = List.of("the", "cannot", "connect", "not", "found", "error", "errors", "invalid",
      "expired", "exception", "with", "from", "failed", "request", "response", "page", "please", "unknown", "is", "and",
      "of", "was", "has", "been", "endpoint", "acknowledged", "missing", "expected", "required", "duplicate", "but");
  private static final Set<String> ALLOWED = Set.of("URL", "ZIP", "SHA-256", "XLSX", "DOCX", "HTML", "WARC", "PDF", "API",
      "OA", "ID", "JPEG", "PNG", "CSRF", "Facebook", "Zalo", "YouTube", "Fanpage", "Chromium", "cron", "Graph");

  public static List<String> in(String visible) {
    String text = URLS.matcher(visible).replaceAll(" ");
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(ISO, EPOCH)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        found.add("raw date '" + around(text, m.start()) + "'");
      }
    }
    Matcher en = ENUM.matcher(text);
    while (en.find()) {
      found.add("enum name '" + around(text, en.start()) + "'");
    }
    Matcher n = UNGROUPED.matcher(text);
    while (n.find()) {
      long v = Long.parseLong(n.group());
      boolean issueNumber = text.substring(Math.max(0, n.start() - 3), n.start()).equals("số ");
      if ((v < 1900 || v > 2100) && !issueNumber) {
        found.add("number without separators '" + around(text, n.start()) + "'");
      }
    }
    for (String code : CODES) {
      Matcher m = Pattern.compile("(?<![\\p{L}\\d_/-])" + Pattern.quote(code) + "(?![\\p{L}\\d_/-])").matcher(text);
      while (m.find()) {
        found.add("code '" + code + "' in '" + around(text, m.start()) + "'");
      }
    }
    for (String word : ENGLISH) {
      if (ALLOWED.contains(word)) {
        continue;
      }
      Matcher m = Pattern.compile("(?i)(?<![\\p{L}\\d_])" + word + "(?![\\p{L}\\d_])").matcher(text);
      while (m.find()) {
        found.add("English '" + word + "' in '" + around(text, m.start()) + "'");
      }
    }
    return found;
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 50)).replace('\n', ' ');
  }

}
