package vn.minhchung.harvester.connector.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.http.PoliteFetcher;

/**
 * Harvests a {@code news_site} channel: discovers articles through its feeds ({@code feedUrl}, several allowed),
 * sitemaps ({@code sitemapUrl}, indexes and news sitemaps) and section listing ({@code listingUrl} +
 * {@code articleLink}, following "next page" until the harvest window is passed); with none of them configured,
 * the site's {@code <link rel="alternate">} feeds and robots.txt {@code Sitemap:} lines. Each article in the
 * window (and each stored article due for a refresh of its views) is fetched and extracted.
 */
public final class NewsSiteConnector implements Connector {
  /** Articles fetched per run at most: a first run on a big sitemap must not crawl a whole site. */
  static final int MAX_ARTICLES = 300;
  /** Listing pages followed per run at most, even when every page is still inside the window. */
  static final int MAX_LISTING_PAGES = 20;
  static final int MAX_SITEMAPS = 30;

  private final PoliteFetcher fetcher;

  public NewsSiteConnector(PoliteFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public Set<ChannelKind> kinds() {
    return Set.of(ChannelKind.NEWS_SITE);
  }

  @Override
  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    Run run = new Run(channel, ctx, new PageSource(fetcher, ctx));
    run.discover();
    run.fetchArticles();
  }

  /** The state of one harvest of one channel. */
  private static final class Run {
    private final ChannelSpec channel;
    private final HarvestContext ctx;
    private final PageSource pages;
    private final ArticleHarvest articles;
    private final Map<String, Candidate> found = new LinkedHashMap<>();
    private int sourcesTried;
    private int sourcesRead;

    Run(ChannelSpec channel, HarvestContext ctx, PageSource pages) {
      this.channel = channel;
      this.ctx = ctx;
      this.pages = pages;
      this.articles = new ArticleHarvest(ctx, pages, MAX_ARTICLES);
    }

    void discover() throws ConnectorException {
      List<String> feeds = list(channel.option("feedUrl"));
      List<String> sitemaps = list(channel.option("sitemapUrl"));
      Optional<String> listing = channel.option("listingUrl");
      if (feeds.isEmpty() && sitemaps.isEmpty() && listing.isEmpty()) {
        sourcesTried++;
        Optional<Page> home = pages.get(channel.url());
        if (home.isPresent()) {
          sourcesRead++;
          feeds = ListingReader.feeds(home.get().decoded().text(), home.get().finalUri());
        }
        if (feeds.isEmpty()) {
          sitemaps = robotsSitemaps();
        }
        if (home.isPresent() && feeds.isEmpty() && sitemaps.isEmpty()) {
          throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code()
              + ": trang " + channel.url() + " không khai báo RSS hay sitemap; hãy thêm tuỳ chọn feedUrl, "
              + "sitemapUrl hoặc listingUrl + articleLink");
        }
      }
      for (String feed : feeds) {
        readFeed(feed);
      }
      readSitemaps(sitemaps);
      if (sourcesTried > 0 && sourcesRead == 0 && listing.isEmpty()) {
        throw unreachable();
      }
    }

    void fetchArticles() throws ConnectorException {
      Set<String> refreshed = new HashSet<>();
      for (KnownPost k : ctx.postsToRefresh()) {
        refreshed.add(k.platformId());
        found.putIfAbsent(k.platformId(), new Candidate(k.url(), k.postedAt(), null, "refresh"));
      }
      for (Map.Entry<String, Candidate> e : found.entrySet()) {
        articles.harvest(e.getValue(), refreshed.contains(e.getKey()));
      }
      Optional<String> listing = channel.option("listingUrl");
      if (listing.isPresent()) {
        walkListing(listing.get());
      }
    }

    private void readFeed(String url) throws ConnectorException {
      sourcesTried++;
      Optional<Page> page = pages.get(url);
      if (page.isEmpty()) {
        return;
      }
      try {
        List<Candidate> items = FeedReader.read(page.get().body(), page.get().finalUri());
        sourcesRead++;
        items.forEach(this::consider);
      } catch (BadDocumentException e) {
        ctx.problem(url, e.reasonCode(), e.getMessage());
      }
    }

    private void readSitemaps(List<String> roots) throws ConnectorException {
      Deque<String> queue = new ArrayDeque<>(roots);
      Set<String> seen = new HashSet<>();
      while (!queue.isEmpty() && seen.size() < MAX_SITEMAPS) {
        String url = queue.poll();
        if (!seen.add(url)) {
          continue;
        }
        sourcesTried++;
        Optional<Page> page = pages.get(url);
        if (page.isEmpty()) {
          continue;
        }
        try {
          SitemapReader.Content content = SitemapReader.read(page.get().body(), page.get().contentType(),
              page.get().finalUri(), ctx.settings().longValue("http.maxBodyBytes"));
          sourcesRead++;
          queue.addAll(content.sitemaps());
          content.urls().forEach(this::consider);
        } catch (BadDocumentException e) {
          ctx.problem(url, e.reasonCode(), e.getMessage());
        }
      }
    }

    private List<String> robotsSitemaps() {
      try {
        return pages.fetcher().sitemapsOf(URI.create(channel.url()));
      } catch (FetchException e) {
        ctx.problem(channel.url(), PageSource.reasonCode(e.reason()), e.getMessage());
        return List.of();
      }
    }

    /** Feed and sitemap entries with a date before the window are not fetched at all. */
    private void consider(Candidate c) {
      if (c.hintDate() == null || !c.hintDate().isBefore(ctx.windowStart())) {
        found.putIfAbsent(c.key(), c);
      }
    }

    private void walkListing(String first) throws ConnectorException {
      Evaluator articleLink = selector("articleLink", channel.option("articleLink").orElse(null));
      if (articleLink == null) {
        throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code()
            + ": có listingUrl nhưng thiếu articleLink (bộ chọn CSS của liên kết bài viết)");
      }
      Evaluator nextLink = selector("nextLink", channel.option("nextLink").orElse(null));
      Set<String> visited = new HashSet<>();
      Optional<String> next = Optional.of(first);
      int read = 0;
      while (next.isPresent() && read < MAX_LISTING_PAGES && visited.add(next.get())) {
        Optional<Page> page = pages.get(next.get());
        if (page.isEmpty()) {
          break;
        }
        read++;
        ListingReader.Listing listing = ListingReader.read(page.get().decoded().text(), page.get().finalUri(),
            articleLink, nextLink);
        boolean anyInWindow = false;
        for (Candidate c : listing.articles()) {
          Optional<Instant> date = articles.harvest(c, false);
          anyInWindow |= date.isEmpty() || !date.get().isBefore(ctx.windowStart());
        }
        if (!anyInWindow) {
          break;
        }
        next = listing.next();
      }
      if (read == 0 && sourcesRead == 0) {
        throw unreachable();
      }
    }

    private Evaluator selector(String option, String css) throws ConnectorException {
      if (css == null) {
        return null;
      }
      try {
        return QueryParser.parse(css);
      } catch (Selector.SelectorParseException e) {
        throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code() + ": tuỳ chọn "
            + option + " không phải bộ chọn CSS hợp lệ: '" + css + "' (" + e.getMessage() + ")");
      }
    }

    private ConnectorException unreachable() {
      Optional<FetchException> f = pages.lastFailure();
      return new ConnectorException(ConnectorException.Kind.TRANSIENT, "không tải được nguồn bài viết nào của kênh "
          + channel.code() + f.map(e -> ": " + e.getMessage()).orElse(" (xem các lỗi của lần chạy)"),
          null, f.orElse(null));
    }

    private static List<String> list(Optional<String> option) {
      return option.map(v -> Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isBlank())
          .toList()).orElse(new ArrayList<>());
    }
  }
}
