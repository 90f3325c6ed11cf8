package vn.minhchung.harvester.connector.web.date;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The few elements a page's metadata lives in ({@code meta}, {@code link}, JSON-LD scripts, {@code time} and
 * {@code itemprop} elements), gathered in one walk of the document: each of the dozens of meta names is then
 * matched against this short list instead of walking the whole page again.
 */
public record PageParts(List<Element> metas, List<Element> links, List<Element> jsonLdScripts,
    List<Element> dated) {

  public static PageParts of(Document doc) {
    List<Element> metas = new ArrayList<>();
    List<Element> links = new ArrayList<>();
    List<Element> scripts = new ArrayList<>();
    List<Element> dated = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        switch (e.normalName()) {
          case "meta" -> metas.add(e);
          case "link" -> links.add(e);
          case "script" -> {
            if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
              scripts.add(e);
            }
          }
          case "time" -> dated.add(e);
          default -> {
            if (e.hasAttr("itemprop")) {
              dated.add(e);
            }
          }
        }
      }
    }, doc);
    return new PageParts(metas, links, scripts, dated);
  }

  /** The elements of {@code among} that {@code ev} matches, in document order. */
  public static List<Element> matching(List<Element> among, Evaluator ev) {
    List<Element> out = new ArrayList<>();
    for (Element e : among) {
      if (ev.matches(e, e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first non-blank value of {@code attr} on an element of {@code among} that {@code ev} matches. */
  public static Optional<String> first(List<Element> among, Evaluator ev, String attr) {
    for (Element e : among) {
      if (ev.matches(e, e)) {
        String v = e.attr(attr).strip();
        if (!v.isEmpty()) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }
}
