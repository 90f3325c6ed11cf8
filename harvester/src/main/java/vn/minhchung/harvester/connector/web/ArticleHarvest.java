package vn.minhchung.harvester.connector.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.http.Page;

/**
 * Fetches, extracts and emits the articles of one run, each at most once (by canonical URL). An article dated
 * before the harvest window is not stored unless it is a stored one being refreshed; one without a date or
 * dated in the future is stored, flagged and reported as a problem for review.
 */
final class ArticleHarvest {
  private final HarvestContext ctx;
  private final PageSource pages;
  private final int maxArticles;
  private final Map<String, Optional<Instant>> done = new HashMap<>();

  ArticleHarvest(HarvestContext ctx, PageSource pages, int maxArticles) {
    this.ctx = ctx;
    this.pages = pages;
    this.maxArticles = maxArticles;
  }

  /** Harvests the candidate; returns its publication date when known (also for articles outside the window). */
  Optional<Instant> harvest(Candidate c, boolean refresh) throws ConnectorException {
    String key = c.key();
    if (done.containsKey(key)) {
      return done.get(key);
    }
    if (done.size() >= maxArticles) {
      return Optional.ofNullable(c.hintDate());
    }
    Optional<Instant> date = fetchAndEmit(c, refresh);
    done.put(key, date);
    return date;
  }

  private Optional<Instant> fetchAndEmit(Candidate c, boolean refresh) throws ConnectorException {
    // A stored article is asked for conditionally: unchanged (304), it has nothing new, views included.
    Optional<Page> page = refresh ? pages.getIfChanged(c.url()) : pages.get(c.url());
    if (page.isEmpty()) {
      return Optional.ofNullable(c.hintDate());
    }
    ExtractedArticle a;
    try {
      a = ArticleExtractor.extract(page.get().decoded().text(), page.get().finalUri(), ctx.clock());
    } catch (RuntimeException e) {
      ctx.problem(c.url(), "extract_failed", c.url() + ": không đọc được nội dung bài: " + e);
      return Optional.ofNullable(c.hintDate());
    }
    Instant postedAt = a.postedAt();
    String postedAtText = a.postedAtText();
    Set<String> flags = new LinkedHashSet<>(a.flags());
    if (postedAt == null && c.hintDate() != null && !"refresh".equals(c.source())) {
      // The page shows no date but its feed or sitemap entry has one.
      postedAt = c.hintDate();
      postedAtText = c.source() + ": " + VietnameseDates.isoLocal(postedAt);
      flags.remove("no_date");
    }
    if (postedAt != null && postedAt.isBefore(ctx.windowStart()) && !refresh) {
      return Optional.of(postedAt);
    }
    if (flags.contains("date_conflict")) {
      ctx.problem(c.url(), "date_conflict", c.url() + ": " + a.dates().problem().orElse("các nguồn ngày đăng không khớp nhau")
          + (postedAt != null ? "; dùng ngày của " + postedAtText : ""));
    }
    if (flags.contains("no_date")) {
      ctx.problem(c.url(), "no_date", c.url() + ": không tìm thấy ngày đăng; bài được lưu không có ngày, cần kiểm tra");
    }
    if (flags.contains("future_date")) {
      ctx.problem(c.url(), "future_date", c.url() + ": ngày đăng " + postedAtText + " ở tương lai; cần kiểm tra");
    }
    String title = a.title() != null ? a.title() : c.hintTitle();
    Counts counts = a.views() == null ? Counts.NONE : new Counts(null, null, null, a.views(), null);
    ctx.accept(new HarvestedPost(a.canonicalUrl(), PostKind.ARTICLE, c.url(), a.canonicalUrl(), title, a.lead(),
        a.body(), a.author(), a.section(), a.images().isEmpty() ? null : a.images().get(0), postedAt, postedAtText,
        null, counts, flags));
    return Optional.ofNullable(postedAt);
  }
}
