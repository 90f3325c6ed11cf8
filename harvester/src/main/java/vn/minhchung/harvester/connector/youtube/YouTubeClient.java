package vn.minhchung.harvester.connector.youtube;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.FetchFailures;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.FetchOutcome;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.http.PoliteFetcher;

/**
 * HTTP to the YouTube Data API, the Atom feed and the public channel and watch pages. The API key travels in the
 * {@code X-goog-api-key} header, never in a URL; every API call takes one unit from {@link YouTubeQuota} before it
 * is sent, because Google counts failed calls too. Pages go through {@link PoliteFetcher}: robots.txt, one page at a
 * time per host with {@code http.perHostDelayMs} between them.
 */
public final class YouTubeClient {
  /** The most ids per videos.list call and items per playlistItems page. */
  public static final int BATCH_SIZE = 50;

  private final HttpFetcher fetcher;
  private final PoliteFetcher pages;
  private final URI pageBase;
  private final URI watchBase;
  private final String apiBase;
  private final URI feedBase;
  private final YouTubeQuota quota;
  private final int dailyQuota;
  private final Clock clock;

  public YouTubeClient(HttpFetcher fetcher, PoliteFetcher pages, Settings s, YouTubeQuota quota, Clock clock) {
    this(fetcher, pages, s.uri("platforms.youtube.apiBaseUrl").orElseThrow(),
        s.uri("platforms.youtube.feedBaseUrl").orElseThrow(), s.uri("platforms.youtube.pageBaseUrl").orElseThrow(),
        s.uri("platforms.youtube.watchBaseUrl").orElseThrow(), quota, s.integer("platforms.youtube.dailyQuota"), clock);
  }

  YouTubeClient(HttpFetcher fetcher, PoliteFetcher pages, URI apiBaseUrl, URI feedBaseUrl, URI pageBaseUrl,
      URI watchBaseUrl, YouTubeQuota quota, int dailyQuota, Clock clock) {
    this.fetcher = fetcher;
    this.pages = pages;
    this.pageBase = pageBaseUrl;
    this.watchBase = watchBaseUrl;
    String b = apiBaseUrl.toString();
    this.apiBase = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.feedBase = feedBaseUrl;
    this.quota = quota;
    this.dailyQuota = dailyQuota;
    this.clock = clock;
  }

  public URI channelUri(String channelId, String handle) {
    String sel = channelId != null ? "id=" + enc(channelId) : "forHandle=" + enc(handle);
    return URI.create(apiBase + "/channels?part=contentDetails,statistics&" + sel);
  }

  /** One unit: the channel's id and title, to check that a key works for it. */
  public URI identityUri(String channelId, String handle) {
    String sel = channelId != null ? "id=" + enc(channelId) : "forHandle=" + enc(handle);
    return URI.create(apiBase + "/channels?part=id,snippet&" + sel);
  }

  public URI playlistUri(String playlistId, String pageToken) {
    return URI.create(apiBase + "/playlistItems?part=contentDetails&playlistId=" + enc(playlistId) + "&maxResults="
        + BATCH_SIZE + (pageToken == null ? "" : "&pageToken=" + enc(pageToken)));
  }

  public URI videosUri(List<String> ids) {
    return URI.create(apiBase + "/videos?part=snippet,statistics,contentDetails&id="
        + String.join(",", ids.stream().map(YouTubeClient::enc).toList()));
  }

  public URI feedUri(String channelId) {
    String b = feedBase.toString();
    return URI.create(b + (b.contains("?") ? "&" : "?") + "channel_id=" + enc(channelId));
  }

  /** A channel page under {@code platforms.youtube.pageBaseUrl}: {@code /@handle}, {@code /c/name}, {@code /user/name}. */
  public URI channelPageUri(String path) {
    String b = pageBase.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
  }

  /** {@code platforms.youtube.watchBaseUrl}: where video links and captures point. */
  public URI watchBase() {
    return watchBase;
  }

  public URI watchUri(String videoId) {
    return URI.create(YouTubeParser.watchUrl(watchBase, videoId));
  }

  /** A public page; robots.txt forbidding it is an error naming the page, since nothing can be read then. */
  public Page page(URI uri, String channelCode) throws ConnectorException {
    try {
      FetchOutcome outcome = pages.fetch(uri);
      if (outcome instanceof FetchOutcome.Fetched f) {
        return f.page();
      }
      throw new ConnectorException(ConnectorException.Kind.PERMISSION, channelCode + ": " + uri
          + ": robots.txt của YouTube không cho đọc trang này");
    } catch (FetchException e) {
      throw FetchFailures.of(e, channelCode);
    }
  }

  public HttpResult api(URI uri, String apiKey, String channelCode) throws ConnectorException {
    quota.spend(1, dailyQuota, channelCode, clock.instant());
    return get(uri, Map.of("X-goog-api-key", apiKey, "Accept", "application/json"), channelCode);
  }

  public HttpResult feed(URI uri, String channelCode) throws ConnectorException {
    return get(uri, Map.of("Accept", "application/atom+xml, application/xml"), channelCode);
  }

  private HttpResult get(URI uri, Map<String, String> headers, String channelCode) throws ConnectorException {
    try {
      return fetcher.get(uri, headers);
    } catch (FetchException e) {
      throw FetchFailures.of(e, channelCode);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
