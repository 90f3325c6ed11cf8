package vn.minhchung.harvester.connector.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.connector.web.date.PageParts;

/**
 * The article's title and the element that shows it. The layout's heading is taken when {@code og:title} or
 * the page {@code <title>} confirm it; a heading that is the site's name or a section (a part of the
 * {@code <title>} that is not its headline, or {@code og:site_name}) gives way to {@code og:title}, else to the
 * headline part of {@code <title>}. Pure.
 */
final class Headlines {
  private Headlines() {}

  /** The title, and the element showing it on the page (null when none does). */
  record Headline(String title, Element element) {}

  private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title][content]");
  private static final Evaluator SITE_NAME = QueryParser.parse("meta[property=og:site_name][content]");
  private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, [class*=title]");
  private static final Pattern SEPARATORS = Pattern.compile("\\s+[-|–—:»]\\s+|\\s*\\|\\s*");

  static Headline choose(Document doc, PageParts page, Layout layout) {
    String og = PageParts.first(page.metas(), OG_TITLE, "content").orElse(null);
    String site = PageParts.first(page.metas(), SITE_NAME, "content").orElse(null);
    String pageTitle = doc.title().strip();
    List<String> parts = pageTitle.isEmpty() ? List.of() : List.of(SEPARATORS.split(pageTitle));
    // The headline part of <title>: the one og:title confirms, else the longest that is not the site's name.
    String titlePart = parts.stream().map(String::strip).filter(p -> similar(p, og)).findFirst()
        .or(() -> parts.stream().map(String::strip).filter(p -> !same(p, site))
            .max(Comparator.comparingInt(String::length)))
        .orElse(null);

    List<Element> headings = new ArrayList<>(doc.select(layout.title()));
    String ogFolded = og == null ? null : VietnameseText.foldPlain(og);
    String partFolded = titlePart == null ? null : VietnameseText.foldPlain(titlePart);
    for (Element h : headings) {
      String folded = VietnameseText.foldPlain(h.text());
      if (similarFolded(folded, ogFolded) || similarFolded(folded, partFolded)) {
        return new Headline(h.text().strip(), h);
      }
    }
    Element h = headings.isEmpty() ? null : headings.get(0);
    String ht = h == null ? "" : h.text().strip();
    boolean siteLike = !ht.isEmpty() && (same(ht, site) || parts.size() > 1 && parts.stream()
        .anyMatch(p -> same(p, ht)) && !same(ht, titlePart));
    if (h != null && !siteLike && (og == null || og.length() <= ht.length()) && (parts.size() < 2 || og != null)) {
      return new Headline(ht, h);
    }
    String title = og != null && !same(og, site) ? og : titlePart != null && !same(titlePart, site) ? titlePart
        : ht.isEmpty() ? null : ht;
    if (title == null) {
      return new Headline(null, null);
    }
    Element shown = doc.select(HEADINGS).stream().filter(e -> similar(e.text(), title)).findFirst().orElse(null);
    return new Headline(title, shown);
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && VietnameseText.foldPlain(a).equals(VietnameseText.foldPlain(b));
  }

  /** One contains the other, folded, and the shorter holds at least half of the longer's letters. */
  private static boolean similar(String a, String b) {
    return a != null && b != null && similarFolded(VietnameseText.foldPlain(a), VietnameseText.foldPlain(b));
  }

  private static boolean similarFolded(String x, String y) {
    if (x == null || y == null || x.isEmpty() || y.isEmpty()) {
      return false;
    }
    String shorter = x.length() <= y.length() ? x : y;
    String longer = x.length() <= y.length() ? y : x;
    return longer.contains(shorter) && shorter.length() * 2 >= longer.length();
  }
}
