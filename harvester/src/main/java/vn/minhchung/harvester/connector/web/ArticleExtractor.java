package vn.minhchung.harvester.connector.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.connector.web.date.ArticleDates;
import vn.minhchung.harvester.connector.web.date.DateCandidate;
import vn.minhchung.harvester.connector.web.date.DateFindings;
import vn.minhchung.harvester.connector.web.date.PageParts;
import vn.minhchung.harvester.http.HtmlCharset;

/**
 * Reads an article page: canonical URL, title, lead, body text, author, images, publication and modification
 * dates with the text and source they came from ({@link ArticleDates}), views ("Lượt xem: 1.234") and section.
 * No date gives {@code postedAt} null and flag {@code no_date} (with {@code date_conflict} when its sources
 * disagree); a date more than {@link #FUTURE_TOLERANCE} ahead of the clock is kept and flagged
 * {@code future_date}. Pure; the page is parsed once and every selector is precompiled.
 */
public final class ArticleExtractor {
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
  private static final int MAX_IMAGES = 20;

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url][content]");
  private static final Evaluator OG_IMAGE = QueryParser.parse("meta[property=og:image][content]");
  private static final Evaluator DESCRIPTION = QueryParser.parse(
      "meta[name=description][content], meta[property=og:description][content]");
  private static final Evaluator META_AUTHOR = QueryParser.parse("meta[name=author][content], "
      + "meta[property=article:author][content]");
  private static final Evaluator AUTHOR = QueryParser.parse(".author, .article__author, .detail-author, "
      + ".news-author, [rel=author], .tacgia, .tac-gia, [itemprop=author]");
  private static final Evaluator SECTION = QueryParser.parse("meta[property=article:section][content]");
  private static final Evaluator BREADCRUMB = QueryParser.parse(".breadcrumb a, .breadcrumbs a, .bread-crumb a, "
      + "[itemtype*=BreadcrumbList] a, .news-details__cate a");
  private static final Evaluator IMG = QueryParser.parse("img[src]");
  private static final Evaluator BLOCKS = QueryParser.parse("p, h2, h3, h4, blockquote, figcaption, li");
  /** "Lượt xem: 1.234": tried first, so "08:30 Lượt xem: 1.234" is not read as 30 views. */
  private static final Pattern VIEWS_AFTER_LABEL = Pattern.compile(
      "(?:luot xem|so lan xem|luot doc|da xem)\\s*:?\\s*(\\d[\\d.,]*(?:\\s*(?:k|n|tr)\\b)?)");
  /** "1.234 lượt xem"; a number that ends a clock time ("08:30") is not a count. */
  private static final Pattern VIEWS_BEFORE_LABEL = Pattern.compile(
      "(?<![\\d:])(\\d[\\d.,]*(?:\\s*(?:k|n|tr)\\b)?)\\s*(?:luot xem|luot doc)");
  private static final List<Pattern> VIEWS = List.of(VIEWS_AFTER_LABEL, VIEWS_BEFORE_LABEL);

  private static final List<String> VIEW_WORDS = List.of("xem", "đọc");

  private ArticleExtractor() {}

  /** Extracts from raw bytes, the charset read from BOM / meta (no HTTP header available here). */
  public static ExtractedArticle extract(byte[] body, URI url, Clock clock) {
    return extract(HtmlCharset.decode(body, null).text(), url, clock);
  }

  public static ExtractedArticle extract(String html, URI url, Clock clock) {
    Document doc = Jsoup.parse(html, url.toString());
    Set<String> flags = new LinkedHashSet<>();
    Layout layout = Layout.FAMILIES.stream().filter(l -> doc.selectFirst(l.body()) != null).findFirst()
        .orElse(Layout.GENERIC);

    PageParts parts = PageParts.of(doc);
    String canonical = declaredCanonical(parts, url)
        .or(() -> UrlCanonicalizer.canonical(url.toString()))
        .orElse(url.toString());
    Headlines.Headline headline = Headlines.choose(doc, parts, layout);
    String title = headline.title();
    String lead = text(doc.selectFirst(layout.lead())).or(() -> PageParts.first(parts.metas(), DESCRIPTION, "content")).orElse(null);

    List<JsonNode> jsonLd = ArticleDates.jsonLd(parts);
    String pageText = doc.body() == null ? "" : doc.body().text();
    DateFindings dates = ArticleDates.read(doc, parts, url, headline.element(), jsonLd, pageText);
    Optional<DateCandidate> date = dates.posted();
    Instant postedAt = date.map(DateCandidate::instant).orElse(null);
    if (postedAt == null) {
      flags.add("no_date");
      dates.problem().ifPresent(p -> flags.add("date_conflict"));
    } else if (postedAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
      flags.add("future_date");
    }

    Long views = views(pageText);
    String author = jsonLdAuthor(jsonLd).or(() -> PageParts.first(parts.metas(), META_AUTHOR, "content"))
        .or(() -> text(doc.selectFirst(AUTHOR))).orElse(null);
    String section = PageParts.first(parts.metas(), SECTION, "content").or(() -> lastText(doc.select(BREADCRUMB))).orElse(null);

    Element bodyEl = doc.selectFirst(layout.body());
    List<String> images = new ArrayList<>();
    PageParts.first(parts.metas(), OG_IMAGE, "abs:content").ifPresent(images::add);
    String bodyText = null;
    if (bodyEl != null) {
      bodyEl.select(layout.exclude()).remove();
      for (Element img : bodyEl.select(IMG)) {
        String src = img.absUrl("src");
        if (!src.isEmpty() && !images.contains(src) && images.size() < MAX_IMAGES) {
          images.add(src);
        }
      }
      bodyText = paragraphs(bodyEl);
    }
    return new ExtractedArticle(canonical, nfc(title), nfc(lead), nfc(bodyText), nfc(author), images, postedAt,
        date.map(DateCandidate::text).map(ArticleExtractor::nfc).orElse(null),
        date.map(DateCandidate::source).orElse(null), views, nfc(section),
        bodyEl == null ? "none" : layout.name(), flags, dates);
  }

  /**
   * The page's declared canonical ({@code link rel=canonical}, else {@code og:url}), unless it is the site's
   * root while the page is not: a template's home link would merge distinct articles.
   */
  private static Optional<String> declaredCanonical(PageParts parts, URI url) {
    for (Evaluator ev : List.of(CANONICAL, OG_URL)) {
      Optional<String> c = (ev == CANONICAL ? PageParts.first(parts.links(), ev, "abs:href")
          : PageParts.first(parts.metas(), ev, "abs:content")).flatMap(UrlCanonicalizer::canonical);
      if (c.isPresent()) {
        URI declared = URI.create(c.get());
        boolean root = "/".equals(declared.getRawPath()) && declared.getRawQuery() == null;
        String pagePath = url.getRawPath() == null ? "" : url.getRawPath();
        boolean pageRoot = (pagePath.isEmpty() || pagePath.equals("/")) && url.getRawQuery() == null;
        if (!root || pageRoot) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> jsonLdAuthor(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      JsonNode a = n.path("author");
      JsonNode one = a.isArray() && a.size() > 0 ? a.get(0) : a;
      String name = one.isTextual() ? one.asText() : one.path("name").asText("");
      if (!name.isBlank()) {
        return Optional.of(name.strip());
      }
    }
    return Optional.empty();
  }

  /**
   * Views near a "lượt xem" / "lượt đọc" label (the text is NFC, see HtmlCharset). Only the text around each
   * "xem" / "đọc" is folded: folding a whole page was the slowest step of extraction.
   */
  private static Long views(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String word : VIEW_WORDS) {
      for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
        String window = VietnameseText.stripDiacritics(
            lower.substring(Math.max(0, i - 40), Math.min(lower.length(), i + 40)));
        for (Pattern p : VIEWS) {
          Matcher m = p.matcher(window);
          while (m.find()) {
            OptionalLong v = VietnameseCounts.parse(m.group(1));
            if (v.isPresent()) {
              return v.getAsLong();
            }
          }
        }
      }
    }
    return null;
  }

  private static String paragraphs(Element body) {
    List<String> parts = new ArrayList<>();
    for (Element p : body.select(BLOCKS)) {
      String t = p.text().strip();
      if (!t.isEmpty() && !parts.contains(t)) {
        parts.add(t);
      }
    }
    String joined = String.join("\n\n", parts);
    return joined.isBlank() ? body.text().strip() : joined;
  }

  private static Optional<String> text(Element e) {
    return e == null ? Optional.empty() : Optional.of(e.text().strip()).filter(s -> !s.isEmpty());
  }

  private static Optional<String> lastText(Elements els) {
    for (int i = els.size() - 1; i >= 0; i--) {
      String t = els.get(i).text().strip();
      if (!t.isEmpty() && !t.equalsIgnoreCase("Trang chủ")) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static String nfc(String s) {
    return s == null || s.isBlank() ? null : VietnameseText.nfc(s.strip());
  }
}
