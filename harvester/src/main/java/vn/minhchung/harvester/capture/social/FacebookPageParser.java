package vn.minhchung.harvester.capture.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.capture.ShownFacts;

/**
 * Reads posts from a Facebook page as the browser rendered it (Vietnamese UI). Pure: the HTML in, records out.
 * Counts are read from the post's visible text, not from class names, which Facebook rotates.
 */
public final class FacebookPageParser {
  private static final String N = "(\\d[\\d.,\\u00a0]*\\s?(?:K|N|Tr|triệu|M)?)";
  private static final Pattern REACTIONS = Pattern.compile(
      Pattern.quote(FacebookSelectors.REACTIONS_LABEL_PREFIX) + ":?\\s*" + N);
  private static final Pattern COMMENTS = Pattern.compile(N + "\\s+" + FacebookSelectors.COMMENTS_WORD,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SHARES = Pattern.compile(N + "\\s+" + FacebookSelectors.SHARES_WORD,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern VIEWS = Pattern.compile(N + "\\s+" + FacebookSelectors.VIEWS_WORD,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ID_IN_PATH = Pattern.compile(
      "/(?:posts|videos|reel|permalink|photos(?:/[^/]+)?)/([A-Za-z0-9_.-]+)");
  private static final Pattern VIDEO_TIME = Pattern.compile(FacebookSelectors.VIDEO_TIME);
  private static final Pattern ID_IN_QUERY = Pattern.compile("(?:story_fbid|fbid)=([A-Za-z0-9_.-]+)");

  private FacebookPageParser() {}

  /** Top-level posts of a page, in page order; posts without a permalink are skipped (they cannot be cited). */
  public static List<BrowserPost> parse(byte[] html, URI source, Clock clock) {
    Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8), source.toString());
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(Settings.ZONE));
    List<BrowserPost> out = new ArrayList<>();
    for (Element post : doc.select(FacebookSelectors.POST)) {
      if (post.parents().stream().anyMatch(p -> p.is(FacebookSelectors.POST))) {
        continue;
      }
      read(post, source, now).ifPresent(out::add);
    }
    return out;
  }

  /** The date and counts one post element shows (used to check a capture shows them). */
  public static ShownFacts facts(String elementHtml) {
    Element fragment = Jsoup.parseBodyFragment(elementHtml).body();
    Element post = fragment.childrenSize() == 1 ? fragment.child(0) : fragment;
    Element body = withoutComments(post);
    return ShownFacts.of(permalink(body).map(FacebookPageParser::dateText).orElse(null), counts(body));
  }

  private static Optional<BrowserPost> read(Element post, URI source, ZonedDateTime now) {
    Element body = withoutComments(post);
    Optional<Element> link = permalink(body);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> resolved = resolve(source, stripTracking(link.get().attr("href").strip()));
    Optional<String> id = resolved.flatMap(FacebookPageParser::platformId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String url = resolved.get();
    String dateText = dateText(link.get());
    Map<String, String> shown = counts(body);
    Map<String, VietnameseCounts.Range> values = new LinkedHashMap<>();
    shown.forEach((k, v) -> VietnameseCounts.range(v).ifPresent(n -> values.put(k, n)));
    String text = body.select(FacebookSelectors.MESSAGE).text();
    return Optional.of(new BrowserPost(id.get(), url, postedAt(link.get(), dateText, now)
        .map(i -> i.atZone(Settings.ZONE).toOffsetDateTime()), dateText, text, values,
        ShownFacts.of(dateText, shown), isVideo(url, body) ? duration(body).orElse(null) : null));
  }

  static boolean isVideo(String url, Element body) {
    return url.contains("/videos/") || url.contains("/reel/") || body.selectFirst("video") != null;
  }

  /** The length a video's player shows: the last time of "0:00 / 7:32", or a lone "7:32", outside links. */
  static Optional<Integer> duration(Element body) {
    for (Element player : body.select(FacebookSelectors.VIDEO_PLAYER)) {
      for (Element e : player.getAllElements()) {
        Matcher m = VIDEO_TIME.matcher(e.ownText().replace('\u00a0', ' ').strip());
        if (e.closest("a") == null && m.matches()) {
          return Optional.of(seconds(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  /** "7:32" → 452, "1:02:05" → 3725. */
  static int seconds(String clock) {
    int total = 0;
    for (String part : clock.split(":")) {
      total = total * 60 + Integer.parseInt(part);
    }
    return total;
  }

  /**
   * The post time: the exact {@code data-utime} (Unix seconds) or the {@code abbr title} ("Thứ Sáu, 20 tháng 11,
   * 2026 lúc 08:30") on the permalink where the page gives them, else the shown text resolved against the clock
   * ("5 giờ", "Hôm qua lúc 19:05").
   */
  private static Optional<java.time.Instant> postedAt(Element link, String dateText, ZonedDateTime now) {
    Element utime = link.selectFirst(FacebookSelectors.UTIME);
    if (utime != null && utime.attr("data-utime").strip().matches("\\d{9,11}")) {
      return Optional.of(java.time.Instant.ofEpochSecond(Long.parseLong(utime.attr("data-utime").strip())));
    }
    Element abbr = link.selectFirst(FacebookSelectors.DATE_TITLE);
    if (abbr != null) {
      Optional<java.time.Instant> t = VietnameseDates.parse(abbr.attr("title"), now.toInstant())
          .map(VietnameseDates.ParsedDate::instant);
      if (t.isPresent()) {
        return t;
      }
    }
    return VietnameseDates.parse(dateText, now.toInstant()).map(VietnameseDates.ParsedDate::instant);
  }

  static Optional<String> platformId(String url) {
    Matcher m = ID_IN_QUERY.matcher(url);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    m = ID_IN_PATH.matcher(url);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The first permalink with a date text; call on a post without its comments. */
  private static Optional<Element> permalink(Element post) {
    return post.select(FacebookSelectors.PERMALINK).stream().filter(a -> !dateText(a).isBlank()).findFirst();
  }

  private static String dateText(Element a) {
    String text = a.text().strip();
    return text.isEmpty() ? a.attr("aria-label").strip() : text;
  }

  private static Element withoutComments(Element post) {
    Element copy = post.clone();
    copy.select("[role=article]").stream().filter(e -> e != copy).forEach(Element::remove);
    return copy;
  }

  private static Map<String, String> counts(Element body) {
    String text = separatedText(body);
    Map<String, String> out = new LinkedHashMap<>();
    find(REACTIONS, text).ifPresent(v -> out.put("reactions", v));
    find(COMMENTS, text).ifPresent(v -> out.put("comments", v));
    find(SHARES, text).ifPresent(v -> out.put("shares", v));
    find(VIEWS, text).ifPresent(v -> out.put("views", v));
    return out;
  }

  /**
   * The element's text with a space between the texts of different nodes. {@link Element#text()} joins inline
   * elements without one, so a reactions count "318" followed by a span "6 bình luận" reads "3186 bình luận".
   */
  static String separatedText(Element body) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t && !t.isBlank()) {
        out.append(' ').append(t.text().replace('\u00a0', ' ').strip());
      }
    }, body);
    return out.toString().strip();
  }

  private static Optional<String> find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** An absolute http(s) URL, or empty for script links and malformed addresses. */
  private static Optional<String> resolve(URI source, String href) {
    try {
      URI u = source.resolve(href);
      String scheme = u.getScheme() == null ? "" : u.getScheme();
      return scheme.equals("https") || scheme.equals("http") ? Optional.of(u.toString()) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String stripTracking(String url) {
    int q = url.indexOf("?__cft__");
    int amp = url.indexOf("&__cft__");
    int cut = q >= 0 ? q : amp;
    return cut >= 0 ? url.substring(0, cut) : url;
  }
}
