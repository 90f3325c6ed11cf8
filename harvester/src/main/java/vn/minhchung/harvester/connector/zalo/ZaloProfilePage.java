package vn.minhchung.harvester.connector.zalo;

import java.net.URI;
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
import vn.minhchung.config.text.VietnameseCounts;

/**
 * Reads an OA's public profile page ({@code zalo.me/<oaId>}, logged out): name, verified mark, follower count as
 * shown, and the article links it lists. Every selector is here; PLATFORMS.md records that the page shows the name,
 * the verified mark and the category, and no dates or views. Pure: (HTML, URL) → {@link Profile}.
 */
public final class ZaloProfilePage {
  /** The OA name: the profile heading, else {@code og:title} without the "Zalo - " prefix, else the title. */
  static final String NAME = ".oa-name, [itemprop=name], h1";
  /** The verified mark: an element whose class, title or label says so. */
  static final String VERIFIED = ".verified, .oa-verified, [title*='xác thực' i], [aria-label*='xác thực' i],"
      + " [title*='verified' i], [aria-label*='verified' i]";
  /** Where the follower count is written ("86.420 người quan tâm"). */
  static final String FOLLOWERS = ".oa-follower, .followers, [data-follower]";
  static final Pattern FOLLOWERS_TEXT = Pattern.compile("([\\d.,]+\\s*(?:[KkNnMm]|Tr|tr|nghìn|triệu)?)\\s*(?:người"
      + " quan tâm|người theo dõi|lượt quan tâm|followers?)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Article links of the OA ({@code /oa/article/…}, {@code /article/…}). */
  static final String ARTICLE_LINK = "a[href*='/article/']";

  private ZaloProfilePage() {}

  /** One article the profile links to: its absolute URL, id (last path segment) and title as shown. */
  public record ArticleLink(URI url, String id, String title) {}

  public record Profile(String name, Boolean verified, Long followers, String followersText, List<ArticleLink> articles) {}

  public static Profile parse(String html, URI pageUrl) {
    Document d = Jsoup.parse(html, pageUrl.toString());
    String name = Optional.ofNullable(d.selectFirst(NAME)).map(Element::text).filter(t -> !t.isBlank())
        .or(() -> Optional.ofNullable(d.selectFirst("meta[property=og:title]")).map(e -> e.attr("content")))
        .or(() -> Optional.of(d.title())).map(t -> t.replaceFirst("^Zalo\\s*[-–]\\s*", "").strip())
        .filter(t -> !t.isBlank()).orElse(null);
    Boolean verified = d.selectFirst(VERIFIED) != null;
    String followersText = null;
    Long followers = null;
    Element f = d.selectFirst(FOLLOWERS);
    String text = f != null ? f.text() : d.body() == null ? "" : d.body().text();
    Matcher m = FOLLOWERS_TEXT.matcher(text);
    if (m.find()) {
      followersText = m.group().strip();
      OptionalLong n = VietnameseCounts.parse(m.group(1).strip());
      followers = n.isPresent() ? n.getAsLong() : null;
    }
    List<ArticleLink> articles = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Element a : d.select(ARTICLE_LINK)) {
      String href = a.absUrl("href");
      URI u;
      try {
        u = URI.create(href);
      } catch (IllegalArgumentException e) {
        continue;
      }
      String path = Optional.ofNullable(u.getPath()).orElse("");
      String id = path.substring(path.lastIndexOf('/') + 1);
      if (id.isBlank() || !seen.add(id) || u.getHost() == null) {
        continue;
      }
      String title = Optional.ofNullable(a.attr("title")).filter(t -> !t.isBlank()).orElse(a.text()).strip();
      articles.add(new ArticleLink(u, id, title.isEmpty() ? null : title));
    }
    return new Profile(name, verified, followers, followersText, articles);
  }
}
