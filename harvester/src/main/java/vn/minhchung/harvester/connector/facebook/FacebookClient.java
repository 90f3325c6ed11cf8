package vn.minhchung.harvester.connector.facebook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.FetchFailures;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;

/**
 * HTTP to the Graph API only. The token travels in the {@code Authorization} header, never in a URL, so URLs
 * may appear in messages; {@code access_token} is also removed from Graph's own {@code next} links.
 */
public final class FacebookClient {
  static final String FIELDS = "id,message,created_time,permalink_url,full_picture,attachments,shares,"
      + "reactions.summary(total_count).limit(0),comments.summary(true).limit(0)";
  /** Graph's page size limit for posts. */
  public static final int PAGE_SIZE = 100;
  /** Ids per {@code ?ids=} call (Graph allows 50). */
  public static final int BATCH_SIZE = 50;

  private final HttpFetcher fetcher;
  private final FacebookThrottle throttle;
  private final String base;
  private final URI graphBaseUrl;

  public FacebookClient(HttpFetcher fetcher, FacebookThrottle throttle, URI graphBaseUrl, String apiVersion) {
    this.fetcher = fetcher;
    this.throttle = throttle;
    this.graphBaseUrl = graphBaseUrl;
    String b = graphBaseUrl.toString();
    this.base = (b.endsWith("/") ? b : b + "/") + apiVersion;
  }

  public URI postsUri(String pageId) {
    return URI.create(base + "/" + enc(pageId) + "/published_posts?fields=" + enc(FIELDS) + "&limit=" + PAGE_SIZE);
  }

  /** Whom the token speaks for: a Page token answers with the Page. */
  public URI meUri() {
    return URI.create(base + "/me?fields=" + enc("id,name,username"));
  }

  public URI batchUri(List<String> ids) {
    return URI.create(base + "/?ids=" + ids.stream().map(FacebookClient::enc).collect(Collectors.joining(","))
        + "&fields=" + enc(FIELDS));
  }

  /** The lengths of videos: {@code ?ids=v1,v2&fields=id,length} (at most {@link #BATCH_SIZE} ids). */
  public URI videoLengthsUri(List<String> videoIds) {
    return URI.create(base + "/?ids=" + videoIds.stream().map(FacebookClient::enc).collect(Collectors.joining(","))
        + "&fields=" + enc("id,length"));
  }

  /** Sends one GET, pacing by the usage headers; the answer may be an error body (non-2xx) for the caller. */
  public HttpResult get(URI uri, String token, String channelCode, String pageId) throws ConnectorException {
    throttle.beforeCall(channelCode, pageId);
    HttpResult r;
    try {
      r = fetcher.get(uri, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    } catch (FetchException e) {
      throw FetchFailures.of(e, channelCode);
    }
    try {
      throttle.afterCall(pageId, FacebookUsage.of(r));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, channelCode + ": interrupted", null, e);
    }
    return r;
  }

  /** Whether a paging link stays on the configured Graph host (scheme, host and port), where the token may go. */
  boolean onGraphHost(URI link) {
    return link.getScheme() != null && link.getHost() != null && HttpFetcher.sameOrigin(graphBaseUrl, link);
  }

  /** Graph's {@code next} link without any {@code access_token} it may carry. */
  public static URI withoutToken(URI next) {
    String q = next.getRawQuery();
    if (q == null) {
      return next;
    }
    String kept = Arrays.stream(q.split("&")).filter(p -> !p.startsWith("access_token="))
        .collect(Collectors.joining("&"));
    String s = next.toString();
    return URI.create(s.substring(0, s.indexOf('?')) + (kept.isEmpty() ? "" : "?" + kept));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
