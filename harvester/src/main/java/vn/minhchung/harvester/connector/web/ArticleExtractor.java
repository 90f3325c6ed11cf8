package vn.minhchung.harvester.connector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.http.HtmlCharset;

/**
 * Reads an article page: canonical URL, title, lead, body text, author, images, publication date with the
 * text it came from, views ("Lượt xem: 1.234") and section. Dates in order of trust (PLATFORMS.md): JSON-LD
 * {@code datePublished}, {@code article:published_time} / {@code pubdate} meta, {@code <time datetime>}, then
 * visible text. No date gives {@code postedAt} null and flag {@code no_date}; a date more than
 * {@link #FUTURE_TOLERANCE} ahead of the clock is kept and flagged {@code future_date}. Pure; the page is
 * parsed once and every selector is precompiled.
 */
public final class ArticleExtractor {
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_IMAGES = 20;

  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
  private static final Evaluator OG_URL = QueryParser.parse("meta[property=og:url][content]");
  private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title][content]");
  private static final Evaluator OG_IMAGE = QueryParser.parse("meta[property=og:image][content]");
  private static final Evaluator DESCRIPTION = QueryParser.parse(
      "meta[name=description][content], meta[property=og:description][content]");
  private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
  private static final Evaluator META_DATE = QueryParser.parse("meta[property=article:published_time][content], "
      + "meta[name=pubdate][content], meta[name=publishdate][content], meta[itemprop=datePublished][content], "
      + "meta[name=article:published_time][content], meta[property=og:published_time][content], "
      + "meta[name=date][content], meta[name=dc.date.issued][content]");
  private static final Evaluator TIME = QueryParser.parse("time[datetime], [itemprop=datePublished][datetime]");
  private static final Evaluator DATE_TEXT = QueryParser.parse("[class*=date], [class*=time], [class*=ngay], "
      + "[class*=publish], [class*=meta], [id*=date], time");
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

    String canonical = first(doc, CANONICAL, "abs:href")
        .or(() -> first(doc, OG_URL, "abs:content"))
        .flatMap(UrlCanonicalizer::canonical)
        .or(() -> UrlCanonicalizer.canonical(url.toString()))
        .orElse(url.toString());
    String title = text(doc.selectFirst(layout.title()))
        .or(() -> first(doc, OG_TITLE, "content"))
        .or(() -> Optional.of(doc.title()).filter(t -> !t.isBlank()))
        .orElse(null);
    String lead = text(doc.selectFirst(layout.lead())).or(() -> first(doc, DESCRIPTION, "content")).orElse(null);

    List<JsonNode> jsonLd = jsonLd(doc);
    Optional<Dated> date = dateFromJsonLd(jsonLd)
        .or(() -> attrDate(doc, META_DATE, "content", "meta"))
        .or(() -> attrDate(doc, TIME, "datetime", "time"))
        .or(() -> textDate(doc));
    Instant postedAt = date.map(Dated::instant).orElse(null);
    if (postedAt == null) {
      flags.add("no_date");
    } else if (postedAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
      flags.add("future_date");
    }

    Long views = views(doc.body() == null ? "" : doc.body().text());
    String author = jsonLdAuthor(jsonLd).or(() -> first(doc, META_AUTHOR, "content"))
        .or(() -> text(doc.selectFirst(AUTHOR))).orElse(null);
    String section = first(doc, SECTION, "content").or(() -> lastText(doc.select(BREADCRUMB))).orElse(null);

    Element bodyEl = doc.selectFirst(layout.body());
    List<String> images = new ArrayList<>();
    first(doc, OG_IMAGE, "abs:content").ifPresent(images::add);
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
        date.map(Dated::text).orElse(null), date.map(Dated::source).orElse(null), views, nfc(section),
        bodyEl == null ? "none" : layout.name(), flags);
  }

  private record Dated(Instant instant, String text, String source) {}

  private static Optional<Dated> dateFromJsonLd(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      String v = n.path("datePublished").asText("");
      if (!v.isBlank()) {
        Optional<Dated> d = VietnameseDates.parseAbsolute(v).map(p -> new Dated(p.instant(), p.text(), "json-ld"));
        if (d.isPresent()) {
          return d;
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

  /** Every JSON-LD object of the page, @graph members included; broken JSON-LD is ignored. */
  private static List<JsonNode> jsonLd(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : doc.select(JSON_LD)) {
      try {
        JsonNode n = JSON.readTree(s.data());
        collect(n, out);
      } catch (JsonProcessingException e) {
        // A page with broken JSON-LD still has its other date sources.
      }
    }
    return out;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(c, out));
    } else if (n.isObject()) {
      out.add(n);
      collect(n.get("@graph"), out);
    }
  }

  private static Optional<Dated> attrDate(Document doc, Evaluator ev, String attr, String source) {
    for (Element e : doc.select(ev)) {
      Optional<Dated> d = VietnameseDates.parseAbsolute(e.attr(attr))
          .map(p -> new Dated(p.instant(), p.text(), source));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<Dated> textDate(Document doc) {
    for (Element e : doc.select(DATE_TEXT)) {
      String own = e.text();
      if (own.length() > 120) {
        continue;
      }
      Optional<Dated> d = VietnameseDates.parseAbsolute(own).map(p -> new Dated(p.instant(), p.text(), "text"));
      if (d.isPresent()) {
        return d;
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

  private static Optional<String> first(Document doc, Evaluator ev, String attr) {
    Element e = doc.selectFirst(ev);
    return e == null ? Optional.empty() : Optional.of(e.attr(attr).strip()).filter(s -> !s.isEmpty());
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
