package vn.minhchung.harvester.connector.web;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the article links of an RSS or Atom feed with ROME. DOCTYPEs are refused (ROME's default, kept
 * explicitly), so external entities (XXE) are never resolved. Pure.
 */
final class FeedReader {
  private FeedReader() {}

  static List<Candidate> read(byte[] body, URI source) throws BadDocumentException {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false);
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), true)) {
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new BadDocumentException("feed_not_readable",
          source + ": không đọc được RSS/Atom (not a readable feed): " + e.getMessage(), e);
    }
    List<Candidate> out = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = Optional.ofNullable(e.getLink()).filter(l -> !l.isBlank()).orElse(e.getUri());
      Optional<String> url = UrlCanonicalizer.absolute(source, link);
      if (url.isEmpty()) {
        continue;
      }
      Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      out.add(new Candidate(url.get(), d == null ? null : d.toInstant(),
          e.getTitle() == null ? null : e.getTitle().strip(), "feed"));
    }
    return out;
  }
}
