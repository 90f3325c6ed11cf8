package vn.minhchung.harvester.connector.web.date;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import vn.minhchung.harvester.connector.web.date.DateText.Found;
import vn.minhchung.harvester.connector.web.date.DateText.Reading;

/**
 * Finds the published and modified dates of an article page. Sources, most trusted first: JSON-LD
 * {@code datePublished} (article types before others), meta tags, {@code <time>} in the article, visible text
 * near the headline, other labelled text, the URL. Sidebars, related lists, comments, embedded posts and the
 * site header (its clock) are not read. Local times are in the page's zone ({@link PageZone}); numeric dates
 * are month-first only when the page's other dates or its language say so. A JSON-LD or meta date wins;
 * without one, candidates of near rank that fall more than a day apart give no date and a problem. Pure.
 */
public final class ArticleDates {
  private ArticleDates() {}

  private static final int JSON_LD = 95;
  private static final int META = 90;
  private static final int TIME_IN_ARTICLE = 80;
  private static final int TEXT_NEAR = 70;
  private static final int TEXT_BEFORE = 65;
  private static final int TIME_ELSEWHERE = 60;
  private static final int TEXT_LABELLED = 50;
  private static final int TEXT_BARE = 40;
  private static final int URL = 30;
  /** Candidates this close in rank to the best must agree with it (within a day). */
  private static final int NEAR_RANK = 10;
  private static final int MAX_LINE = 160;
  private static final Pattern CLOCK = Pattern.compile("\\d{1,2}\\s*[:hH]\\s*\\d{2}");
  private static final int BARE_LETTERS = 8;
  private static final int BLOCK_LETTERS = 24;
  private static final int NEAR_NODES = 40;
  private static final int BEFORE_NODES = 6;

  private static final Evaluator META_PUBLISHED = QueryParser.parse(String.join(", ",
      "meta[property=article:published_time][content]", "meta[name=article:published_time][content]",
      "meta[itemprop=datePublished][content]", "meta[name=datePublished][content]",
      "meta[property=og:published_time][content]", "meta[name=pubdate][content]", "meta[name=publishdate][content]",
      "meta[name=publish-date][content]", "meta[name=publish_date][content]", "meta[property$=:pubDate][content]",
      "meta[name$=:pubDate][content]", "meta[property=pubdate][content]", "meta[name=parsely-pub-date][content]",
      "meta[name=sailthru.date][content]", "meta[name=dc.date][content]", "meta[name=dc.date.issued][content]",
      "meta[name=dc.date.created][content]", "meta[name=dcterms.date][content]", "meta[name=dcterms.issued][content]",
      "meta[name=dcterms.created][content]", "meta[name=citation_publication_date][content]",
      "meta[name=original-publish-date][content]", "meta[name=published-date][content]",
      "meta[name=article.published][content]", "meta[property=rnews:datePublished][content]",
      "meta[name=date][content]"));
  private static final Evaluator META_MODIFIED = QueryParser.parse(String.join(", ",
      "meta[property=article:modified_time][content]", "meta[name=article:modified_time][content]",
      "meta[itemprop=dateModified][content]", "meta[name=dateModified][content]",
      "meta[property=og:updated_time][content]", "meta[name=last-modified][content]",
      "meta[name=dcterms.modified][content]", "meta[name=parsely-updated][content]"));
  private static final Evaluator TIME = QueryParser.parse(
      "time[datetime], [itemprop=datePublished][datetime], [itemprop=datePublished][content]:not(meta), "
          + "[itemprop=dateModified][datetime]");
  private static final Evaluator OG_LOCALE = QueryParser.parse("meta[property=og:locale][content], "
      + "meta[http-equiv=content-language][content]");

  private static final Set<String> NOISE_TAGS = Set.of("aside", "footer", "nav", "iframe", "noscript", "script",
      "style", "form", "select", "marquee");
  private static final Pattern NOISE_CLASS = Pattern.compile("(?:^|[\\s_-])(?:sidebar|side-bar|aside|related|relate"
      + "|lien-?quan|tinlienquan|tin-?khac|other-?news|more-?news|same-?cate|comments?|binh-?luan|binhluan|widget"
      + "|most-?read|doc-?nhieu|xem-?nhieu|tin-?moi|tinmoi|latest|popular|embed|twitter-tweet|instagram-media"
      + "|fb-post|tiktok-embed|clock|today|current-?date|date-?now|ngay-?hom-?nay|header-?top|top-?header|topbar"
      + "|top-?bar|site-?header|navbar|weather|ticker|marquee|footer)(?:$|[\\s_-])");
  private static final Pattern DATE_CLASS = Pattern.compile(
      "date|time|ngay|publish|post-?info|meta|byline|author|tacgia|tac-gia|info|source");
  private static final Pattern PUBLISH_LABEL = Pattern.compile("ngay dang|dang luc|dang ngay|dang vao|ngay xuat ban"
      + "|xuat ban|thoi gian dang|ngay ban hanh|published|posted|publie|veroffentlicht|publicado|pubblicato");
  private static final Pattern UPDATE_LABEL = Pattern.compile("cap nhat|updated|last modified|modified|aktualisiert"
      + "|mis a jour|actualizado|aggiornato|chinh sua|sua doi|sua lan cuoi");
  /** Words that may stand beside a date without making the line prose: weekdays, labels, clock words. */
  private static final Set<String> DATE_WORDS = Set.of("thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat",
      "cn", "ngay", "luc", "vao", "gio", "sa", "ch", "am", "pm", "h", "gmt", "utc", "ict", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "fri", "sat", "sun",
      "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi",
      "jeudi", "vendredi", "samedi", "dimanche", "le", "um", "uhr", "at", "on", "by", "a", "de", "el", "publie",
      "published", "posted", "updated", "dang", "cap", "xuat", "ban", "thoi", "gian");
  private static final Pattern NUMERIC_PAIR = Pattern.compile("(?<![\\d/.-])(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})(?!\\d)");
  private static final Pattern URL_YMD = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?=[/-]|$)");
  private static final Pattern URL_COMPACT = Pattern.compile("[-_/]((?:19|20)\\d{2})(\\d{2})(\\d{2})(?=[-_/.]|$)");

  /** A date before its zone is known. */
  private record Raw(Reading reading, String text, String source, int rank, boolean modified) {}

  /**
   * @param parts the page's metadata elements ({@link PageParts#of})
   * @param headline the element holding the article's title (null when none was found)
   * @param jsonLd the page's JSON-LD objects ({@link LenientJsonLd#objects})
   * @param bodyText the text of the page's body, for the day order of its other dates
   */
  public static DateFindings read(Document doc, PageParts parts, URI url, Element headline, List<JsonNode> jsonLd,
      String bodyText) {
    List<Raw> strong = new ArrayList<>();
    jsonLdDates(jsonLd, strong);
    metaDates(parts.metas(), strong);
    Optional<OffsetDateTime> written = strong.stream().map(Raw::reading)
        .filter(r -> r.offset() != null && r.offset().getTotalSeconds() != 0 && r.time() != null)
        .map(r -> LocalDateTime.of(r.date(), r.time()).atOffset(r.offset())).findFirst();
    PageZone zone = PageZone.decide(lang(doc, parts), url, written);
    boolean monthFirst = monthFirst(zone, bodyText, strong);
    if (monthFirst) {
      strong.replaceAll(r -> DateText.read(r.text(), true).map(x -> new Raw(x, r.text(), r.source(), r.rank(),
          r.modified())).orElse(r));
    }
    List<Raw> raws = new ArrayList<>(strong);
    Element article = articleRoot(doc, headline);
    timeDates(parts.dated(), article, monthFirst, raws);
    textDates(doc, headline, monthFirst, raws);
    urlDate(url, raws);

    List<DateCandidate> all = new ArrayList<>();
    for (Raw r : raws) {
      all.add(resolve(r, zone.zone()));
    }
    all.sort(Comparator.comparingDouble(DateCandidate::confidence).reversed());
    List<DateCandidate> posted = all.stream().filter(c -> !c.modified()).collect(Collectors.toList());
    Optional<DateCandidate> modified = all.stream().filter(DateCandidate::modified).findFirst();
    Optional<String> problem = Optional.empty();
    Optional<DateCandidate> chosen;
    if (posted.isEmpty()) {
      // A visible "Cập nhật …" line by the headline is the only date many portals show.
      chosen = modified.filter(c -> c.source().equals("text") && c.confidence() * 100 >= TEXT_BEFORE);
    } else if (rank(posted.get(0)) >= META) {
      chosen = Optional.of(strongChoice(posted, zone.zone()));
    } else {
      DateCandidate best = posted.get(0);
      List<DateCandidate> rivals = posted.stream().filter(c -> rank(c) >= Math.max(rank(best) - NEAR_RANK, TEXT_BARE))
          .filter(c -> daysApart(c, best, zone.zone()) > 1).toList();
      if (rivals.isEmpty()) {
        chosen = Optional.of(best);
      } else {
        chosen = Optional.empty();
        problem = Optional.of("các nguồn ngày đăng không khớp nhau (" + describe(best, zone.zone()) + "; "
            + rivals.stream().map(c -> describe(c, zone.zone())).collect(Collectors.joining("; "))
            + "), không nguồn nào đủ tin cậy: không chọn ngày");
      }
    }
    return new DateFindings(chosen, modified, all, zone.zone(), zone.reason(), monthFirst, problem);
  }

  /** The best JSON-LD / meta date; when two of them disagree, the one some other source confirms. */
  private static DateCandidate strongChoice(List<DateCandidate> posted, ZoneId zone) {
    DateCandidate best = posted.get(0);
    List<DateCandidate> strongs = posted.stream().filter(c -> rank(c) >= META).toList();
    if (strongs.stream().noneMatch(s -> daysApart(s, best, zone) > 1)) {
      return best;
    }
    List<DateCandidate> others = posted.stream().filter(c -> rank(c) < META).toList();
    return strongs.stream().filter(s -> others.stream().anyMatch(o -> daysApart(o, s, zone) <= 1)).findFirst()
        .orElse(best);
  }

  private static int rank(DateCandidate c) {
    return (int) Math.round(c.confidence() * 100);
  }

  private static long daysApart(DateCandidate a, DateCandidate b, ZoneId zone) {
    LocalDate da = a.instant().atZone(zone).toLocalDate();
    LocalDate db = b.instant().atZone(zone).toLocalDate();
    return Math.abs(ChronoUnit.DAYS.between(da, db));
  }

  private static String describe(DateCandidate c, ZoneId zone) {
    return c.source() + " \"" + c.text() + "\" = " + c.instant().atZone(zone).toLocalDate();
  }

  private static DateCandidate resolve(Raw r, ZoneId zone) {
    Reading x = r.reading();
    LocalDateTime local = LocalDateTime.of(x.date(), x.time() == null ? LocalTime.MIDNIGHT : x.time());
    Instant i = x.offset() != null ? local.atOffset(x.offset()).toInstant() : local.atZone(zone).toInstant();
    return new DateCandidate(i, x.time() != null, r.text(), r.source(), r.rank() / 100.0, r.modified());
  }

  private static void jsonLdDates(List<JsonNode> nodes, List<Raw> out) {
    List<JsonNode> ordered = new ArrayList<>(nodes);
    ordered.sort(Comparator.comparingInt(ArticleDates::typeOrder));
    for (JsonNode n : ordered) {
      add(n.path("datePublished").asText(""), "json-ld", JSON_LD, false, out);
      add(n.path("dateModified").asText(""), "json-ld", JSON_LD, true, out);
    }
  }

  /** Articles first, then web pages, then anything else (a list of related items last). */
  private static int typeOrder(JsonNode n) {
    JsonNode t = n.path("@type");
    String type = t.isArray() ? t.toString() : t.asText("");
    if (type.contains("Article") || type.contains("BlogPosting") || type.contains("Report")) {
      return 0;
    }
    return type.contains("WebPage") ? 1 : type.contains("ItemList") ? 3 : 2;
  }

  private static void metaDates(List<Element> metas, List<Raw> out) {
    for (Element e : PageParts.matching(metas, META_PUBLISHED)) {
      add(e.attr("content"), "meta", META, false, out);
    }
    for (Element e : PageParts.matching(metas, META_MODIFIED)) {
      add(e.attr("content"), "meta", META, true, out);
    }
  }

  private static void add(String value, String source, int rank, boolean modified, List<Raw> out) {
    if (!value.isBlank()) {
      DateText.read(value, false).ifPresent(r -> out.add(new Raw(r, value.strip(), source, rank, modified)));
    }
  }

  private static void timeDates(List<Element> dated, Element article, boolean monthFirst, List<Raw> out) {
    for (Element e : PageParts.matching(dated, TIME)) {
      if (noise(e)) {
        continue;
      }
      String v = e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
      boolean modified = e.attr("itemprop").equalsIgnoreCase("dateModified")
          || e.className().toLowerCase(Locale.ROOT).contains("updated");
      int rank = article != null && isInside(e, article) ? TIME_IN_ARTICLE : TIME_ELSEWHERE;
      DateText.read(v, monthFirst).ifPresent(r -> out.add(new Raw(r, v.strip(), "time", rank, modified)));
    }
  }

  /** Short lines of visible text holding a date, ranked by where they stand relative to the headline. */
  private static void textDates(Document doc, Element headline, boolean monthFirst, List<Raw> out) {
    if (doc.body() == null) {
      return;
    }
    List<TextNode> hits = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int[] headlineAt = {-1};
    int[] count = {0};
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node == headline) {
          headlineAt[0] = count[0];
        } else if (node instanceof TextNode t) {
          count[0]++;
          if (hasYear(t.getWholeText())) {
            hits.add(t);
            positions.add(count[0]);
          }
        }
      }
    }, doc.body());
    Set<Element> seen = new HashSet<>();
    Map<Element, Boolean> noise = new IdentityHashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      Element parent = (Element) hits.get(i).parent();
      if (parent == null || hits.get(i).getWholeText().length() > MAX_LINE
          || headline != null && isInside(parent, headline)) {
        continue;
      }
      if (noise(parent, noise)) {
        continue;
      }
      Element line = line(parent, headline);
      if (line == null || !seen.add(line)) {
        continue;
      }
      String shown = line.text().strip();
      String t = DateText.normal(shown);
      Optional<Found> f = DateText.readNormal(t, monthFirst);
      if (f.isEmpty()) {
        continue;
      }
      String before = t.substring(0, f.get().start());
      int pub = lastIndex(PUBLISH_LABEL, before);
      int upd = lastIndex(UPDATE_LABEL, before);
      boolean labelled = pub >= 0 || upd >= 0;
      boolean modified = upd > pub;
      int letters = otherLetters(t, f.get());
      // A line that is only a date (weekday, time, zone aside), or a short one in a date/byline block.
      boolean bare = letters <= BARE_LETTERS;
      boolean dateBlock = !bare && letters <= BLOCK_LETTERS && dateClass(line);
      if (!labelled && !bare && !dateBlock) {
        continue;
      }
      int at = positions.get(i);
      int h = headlineAt[0];
      int rank;
      if (h >= 0 && at > h && at - h <= NEAR_NODES) {
        rank = TEXT_NEAR;
      } else if (h >= 0 && at <= h && h - at < BEFORE_NODES) {
        rank = TEXT_BEFORE;
      } else {
        rank = labelled || dateBlock ? TEXT_LABELLED : TEXT_BARE;
      }
      out.add(new Raw(f.get().reading(), shown, "text", rank, modified));
    }
  }

  /**
   * The smallest block around a text node that holds its date and time and is still a short line (never one
   * holding the headline).
   */
  private static Element line(Element e, Element headline) {
    if (e.text().length() > MAX_LINE) {
      return null;
    }
    Element line = e;
    // Climb to join a date and a time written in sibling elements; a line with its clock is whole already.
    for (int up = 0; up < 2 && !CLOCK.matcher(line.text()).find(); up++) {
      Element p = line.parent();
      if (p == null || p.normalName().equals("body") || headline != null && isInside(headline, p)
          || p.text().length() > MAX_LINE) {
        break;
      }
      line = p;
    }
    return line;
  }

  /** Letters of the line outside its date, weekday, time, zone and date labels. */
  private static int otherLetters(String t, Found f) {
    int letters = 0;
    int wordStart = -1;
    String rest = t.substring(0, f.start()) + " " + t.substring(f.end()) + " ";
    for (int i = 0; i < rest.length(); i++) {
      boolean letter = Character.isLetter(rest.charAt(i));
      if (letter && wordStart < 0) {
        wordStart = i;
      } else if (!letter && wordStart >= 0) {
        if (!DATE_WORDS.contains(rest.substring(wordStart, i))) {
          letters += i - wordStart;
        }
        wordStart = -1;
      }
    }
    return letters;
  }


  private static boolean dateClass(Element line) {
    Element e = line;
    for (int up = 0; up < 3 && e != null; up++, e = e.parent()) {
      String c = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (!c.isBlank() && DATE_CLASS.matcher(c).find()) {
        return true;
      }
    }
    return false;
  }

  private static int lastIndex(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    return last;
  }

  private static void urlDate(URI url, List<Raw> out) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    for (Pattern p : List.of(URL_YMD, URL_COMPACT)) {
      Matcher m = p.matcher(path);
      if (m.find()) {
        try {
          LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
          out.add(new Raw(new Reading(d, null, null, false), m.group(), "url", URL, false));
          return;
        } catch (java.time.DateTimeException e) {
          // Digits that are not a date (an id): try the next form.
        }
      }
    }
  }

  /**
   * Month-first only outside Vietnamese pages: when the page's numeric dates show a month-first order (a
   * second number over 12, or a JSON-LD / meta day read month-first), else by the page's language.
   */
  private static boolean monthFirst(PageZone zone, String bodyText, List<Raw> strong) {
    if (zone.vietnamese()) {
      return false;
    }
    Set<LocalDate> strongDays = strong.stream().map(r -> r.reading().date()).collect(Collectors.toSet());
    int dayFirst = 0;
    int monthFirst = 0;
    Matcher m = NUMERIC_PAIR.matcher(bodyText);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int y = Integer.parseInt(m.group(3));
      if (a > 12 && b <= 12) {
        dayFirst++;
      } else if (b > 12 && a <= 12) {
        monthFirst++;
      } else if (a != b && a <= 12 && b <= 12) {
        if (valid(y, b, a) && strongDays.contains(LocalDate.of(y, b, a))) {
          dayFirst++;
        } else if (valid(y, a, b) && strongDays.contains(LocalDate.of(y, a, b))) {
          monthFirst++;
        }
      }
    }
    if (dayFirst != monthFirst) {
      return monthFirst > dayFirst;
    }
    return zone.monthFirstByLanguage();
  }

  private static boolean valid(int y, int month, int day) {
    return y >= 1990 && y <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  private static boolean hasYear(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        run++;
        if (run == 4 && (s.charAt(i - 3) == '1' && s.charAt(i - 2) == '9' || s.charAt(i - 3) == '2'
            && s.charAt(i - 2) == '0')) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  /** The page's language: {@code <html lang>}, else {@code og:locale} / Content-Language. */
  private static String lang(Document doc, PageParts parts) {
    Element html = doc.firstElementChild();
    if (html != null && !html.attr("lang").isBlank()) {
      return html.attr("lang");
    }
    return PageParts.first(parts.metas(), OG_LOCALE, "content").orElse("");
  }

  /** The article around the headline: its nearest {@code <article>} or {@code <main>}, else two levels up. */
  private static Element articleRoot(Document doc, Element headline) {
    if (headline == null) {
      return doc.selectFirst("article");
    }
    for (Element a = headline.parent(); a != null; a = a.parent()) {
      if (a.normalName().equals("article") || a.normalName().equals("main")) {
        return a;
      }
    }
    Element p = headline.parent();
    return p == null ? null : p.parent() == null || p.parent().normalName().equals("body") ? p : p.parent();
  }

  /** {@link #noise(Element)}, remembered per element (the lines of one sidebar share their ancestors). */
  private static boolean noise(Element e, Map<Element, Boolean> memo) {
    if (e == null || e.normalName().equals("body")) {
      return false;
    }
    Boolean known = memo.get(e);
    if (known == null) {
      known = ownNoise(e) || noise(e.parent(), memo);
      memo.put(e, known);
    }
    return known;
  }

  /** Whether an element stands in a part of the page that is not the article: sidebars, comments, embeds … */
  static boolean noise(Element e) {
    for (Element a = e; a != null && !a.normalName().equals("body"); a = a.parent()) {
      if (ownNoise(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ownNoise(Element a) {
    String tag = a.normalName();
    if (NOISE_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && !inArticle(a)) {
      return true;
    }
    String cls = a.className().toLowerCase(Locale.ROOT);
    String id = a.id().toLowerCase(Locale.ROOT);
    if (tag.equals("blockquote") && (cls.contains("twitter") || cls.contains("instagram") || cls.contains("tiktok")
        || cls.contains("facebook") || cls.contains("fb-"))) {
      return true;
    }
    if ((id.equals("header") || (" " + cls + " ").contains(" header ")) && !inArticle(a)) {
      return true;
    }
    return !cls.isEmpty() && NOISE_CLASS.matcher(cls).find() || !id.isEmpty() && NOISE_CLASS.matcher(id).find();
  }


  private static boolean inArticle(Element e) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (a.normalName().equals("article") || a.normalName().equals("main")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element a = e; a != null; a = a.parent()) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The JSON-LD objects of a page, read leniently. */
  public static List<JsonNode> jsonLd(PageParts parts) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : parts.jsonLdScripts()) {
      out.addAll(LenientJsonLd.objects(s.data()));
    }
    return out;
  }
}
