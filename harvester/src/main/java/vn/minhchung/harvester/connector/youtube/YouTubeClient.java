package vn.minhchung.harvester.connector.youtube;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.FetchFailures;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;

/**
 * HTTP to the YouTube Data API and the Atom feed only. The API key travels in the {@code X-goog-api-key}
 * header, never in a URL; every API call takes one unit from {@link YouTubeQuota} before it is sent, because
 * Google counts failed calls too.
 */
public final class YouTubeClient {
  /** The most ids per videos.list call and items per playlistItems page. */
  public static final int BATCH_SIZE = 50;

  private final HttpFetcher fetcher;
  private final String apiBase;
  private final URI feedBase;
  private final YouTubeQuota quota;
  private final int dailyQuota;
  private final Clock clock;

  public YouTubeClient(HttpFetcher fetcher, URI apiBaseUrl, URI feedBaseUrl, YouTubeQuota quota, int dailyQuota,
      Clock clock) {
    this.fetcher = fetcher;
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
