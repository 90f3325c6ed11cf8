package vn.minhchung.harvester.connector.youtube;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.PostKind;

/**
 * Reads a channel's keyless Atom feed (latest 15 videos). Jsoup's XML parser never resolves DTDs or external
 * entities, so a hostile feed cannot read local files (XXE). The feed has no duration: every video is flagged
 * {@code duration_unknown}.
 */
public final class YouTubeFeedParser {
  private YouTubeFeedParser() {}

  public static List<HarvestedPost> parse(byte[] body, URI source, URI watchBase, Clock clock)
      throws ConnectorException {
    String text = new String(body, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(text, source.toString(), Parser.xmlParser());
    if (doc.getElementsByTag("feed").isEmpty()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE, source
          + ": expected a YouTube Atom <feed> but found " + (text.strip().startsWith("<") ? "another document"
          : "no XML") + "; the feed may be down, try again later");
    }
    List<HarvestedPost> out = new ArrayList<>();
    for (Element entry : doc.getElementsByTag("entry")) {
      String id = first(entry, "yt:videoId");
      if (id == null) {
        continue;
      }
      String watch = YouTubeParser.watchUrl(watchBase, id);
      String url = watch;
      for (Element link : entry.getElementsByTag("link")) {
        if ("alternate".equals(link.attr("rel")) && link.attr("href").startsWith("http")) {
          url = link.attr("href");
        }
      }
      String published = first(entry, "published");
      Instant postedAt = YouTubeParser.instant(published).orElse(null);
      Set<String> flags = new HashSet<>();
      flags.add("duration_unknown");
      if (postedAt == null) {
        flags.add("no_date");
      } else if (postedAt.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
        flags.add("future_date");
      }
      if (url.contains("/shorts/")) {
        flags.add("shorts");
      }
      Element stats = entry.getElementsByTag("media:statistics").first();
      Element rating = entry.getElementsByTag("media:starRating").first();
      Long views = stats == null ? null : JsonBodies.number(stats.attr("views"));
      Long likes = rating == null ? null : JsonBodies.number(rating.attr("count"));
      Element thumb = entry.getElementsByTag("media:thumbnail").first();
      out.add(new HarvestedPost(id, PostKind.VIDEO, url, watch,
          first(entry, "title"), null, first(entry, "media:description"), first(entry, "name"), null,
          thumb == null ? null : thumb.attr("url"), postedAt, published, null,
          new Counts(null, null, null, views, likes), flags));
    }
    return out;
  }

  private static String first(Element parent, String tag) {
    Element e = parent.getElementsByTag(tag).first();
    if (e == null) {
      return null;
    }
    String t = e.text().strip();
    return t.isEmpty() ? null : t;
  }
}
