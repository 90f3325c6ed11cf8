package vn.minhchung.harvester.connector.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import vn.minhchung.config.text.VietnameseText;

/**
 * Reads a section listing page ("Chuyển đổi số"): the article links picked by the channel's {@code articleLink}
 * selector and the next page (the channel's {@code nextLink} selector, else {@code rel=next}, else a link
 * saying "Trang sau", "Tiếp", "Sau", "»", "Next"). Also finds a home page's feeds for auto-discovery. Pure.
 */
final class ListingReader {
  private ListingReader() {}

  record Listing(List<Candidate> articles, Optional<String> next) {}

  private static final Evaluator REL_NEXT = QueryParser.parse("link[rel=next][href], a[rel=next][href]");
  private static final Evaluator ANCHORS = QueryParser.parse("a[href]");
  private static final Evaluator FEEDS = QueryParser.parse(
      "link[rel=alternate][href][type=application/rss+xml], link[rel=alternate][href][type=application/atom+xml]");
  private static final Set<String> NEXT_WORDS = Set.of("trang sau", "tiep", "tiep theo", "sau", "next", "xem tiep");
  private static final Set<String> NEXT_SYMBOLS = Set.of("»", "›", ">", ">>", "→");

  static Listing read(String html, URI base, Evaluator articleLink, Evaluator nextLink) {
    Document doc = Jsoup.parse(html, base.toString());
    Set<String> seen = new LinkedHashSet<>();
    List<Candidate> out = new ArrayList<>();
    for (Element a : doc.select(articleLink)) {
      Element link = a.nameIs("a") ? a : a.selectFirst(ANCHORS);
      if (link == null) {
        continue;
      }
      UrlCanonicalizer.absolute(base, link.attr("href")).filter(seen::add)
          .ifPresent(u -> out.add(new Candidate(u, null, link.text().strip(), "listing")));
    }
    return new Listing(out, next(doc, base, nextLink));
  }

  private static Optional<String> next(Document doc, URI base, Evaluator nextLink) {
    Element e = nextLink != null ? doc.selectFirst(nextLink) : null;
    if (e == null) {
      e = doc.selectFirst(REL_NEXT);
    }
    if (e == null) {
      for (Element a : doc.select(ANCHORS)) {
        String t = a.text().strip();
        String label = t.isEmpty() ? a.attr("title") : t;
        if (NEXT_WORDS.contains(VietnameseText.foldPlain(label)) || NEXT_SYMBOLS.contains(label.strip())) {
          e = a;
          break;
        }
      }
    }
    if (e == null) {
      return Optional.empty();
    }
    Element link = e.nameIs("a") || e.nameIs("link") ? e : e.selectFirst(ANCHORS);
    return link == null ? Optional.empty() : UrlCanonicalizer.absolute(base, link.attr("href"));
  }

  /** Feeds a page announces with {@code <link rel="alternate" type="application/rss+xml">}. */
  static List<String> feeds(String html, URI base) {
    Document doc = Jsoup.parse(html, base.toString());
    List<String> out = new ArrayList<>();
    for (Element l : doc.select(FEEDS)) {
      UrlCanonicalizer.absolute(base, l.attr("href")).filter(u -> !out.contains(u)).ifPresent(out::add);
    }
    return out;
  }
}
