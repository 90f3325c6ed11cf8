package vn.minhchung.harvester.connector.web;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a sitemap, a sitemap index or a Google News sitemap with crawler-commons (DOCTYPEs refused, so no
 * XXE). A news entry's publication date and title are preferred over {@code lastmod}. A gzipped sitemap is
 * inflated here, at most to a given size, so a small "gzip bomb" cannot exhaust memory. Pure.
 */
final class SitemapReader {
  private SitemapReader() {}

  /** Child sitemaps of an index, or the article URLs of a sitemap. */
  record Content(List<String> sitemaps, List<Candidate> urls) {}

  /** Reason code of a gzipped sitemap that inflates beyond the limit. */
  static final String TOO_LARGE = "sitemap_too_large";

  static Content read(byte[] body, String contentType, URI source, long maxInflatedBytes)
      throws BadDocumentException {
    byte[] xml = body;
    String type = contentType == null ? "text/xml" : contentType;
    if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
      xml = inflate(body, source, maxInflatedBytes);
      type = "text/xml";
    }
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap(type, xml, source.toURL());
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      throw new BadDocumentException("sitemap_not_readable",
          source + ": không đọc được sitemap (not a readable sitemap): " + e.getMessage(), e);
    }
    if (map instanceof SiteMapIndex index) {
      List<String> children = new ArrayList<>();
      for (AbstractSiteMap child : index.getSitemaps()) {
        children.add(child.getUrl().toString());
      }
      return new Content(children, List.of());
    }
    List<Candidate> urls = new ArrayList<>();
    for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
      Instant date = u.getLastModified() == null ? null : u.getLastModified().toInstant();
      String title = null;
      ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
      if (news != null && news.length > 0 && news[0] instanceof NewsAttributes n) {
        if (n.getPublicationDate() != null) {
          date = n.getPublicationDate().toInstant();
        }
        title = n.getTitle();
      }
      String d = u.getUrl().toString();
      Instant hint = date;
      String t = title;
      urls.add(new Candidate(d, hint, t, "sitemap"));
    }
    return new Content(List.of(), urls);
  }

  private static byte[] inflate(byte[] gz, URI source, long max) throws BadDocumentException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (out.length > max) {
        throw new BadDocumentException(TOO_LARGE, source + ": sitemap nén (gzip) giải nén vượt " + max
            + " byte (http.maxBodyBytes); không đọc", null);
      }
      return out;
    } catch (IOException e) {
      throw new BadDocumentException("sitemap_not_readable",
          source + ": không giải nén được sitemap gzip (not a readable gzip file): " + e.getMessage(), e);
    }
  }
}
