package vn.minhchung.harvester.connector.zalo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.FetchFailures;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;

/** HTTP to the Zalo Open API and OAuth server only; tokens and the secret key travel in headers or form bodies. */
public final class ZaloClient {
  /** Zalo refuses more than 10 articles per slice (error -201). */
  public static final int PAGE_SIZE = 10;

  private final HttpFetcher fetcher;
  private final String apiBase;
  private final String oauthBase;

  public ZaloClient(HttpFetcher fetcher, URI apiBaseUrl, URI oauthBaseUrl) {
    this.fetcher = fetcher;
    this.apiBase = trim(apiBaseUrl);
    this.oauthBase = trim(oauthBaseUrl);
  }

  public URI sliceUri(String type, int offset) {
    return URI.create(apiBase + "/v2.0/article/getslice?offset=" + offset + "&limit=" + PAGE_SIZE + "&type=" + type);
  }

  public URI detailUri(String id) {
    return URI.create(apiBase + "/v2.0/article/getdetail?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  public URI oaUri() {
    return URI.create(apiBase + "/v2.0/oa/getoa");
  }

  public URI tokenUri() {
    return URI.create(oauthBase + "/v4/oa/access_token");
  }

  public HttpResult get(URI uri, String accessToken, String channelCode) throws ConnectorException {
    try {
      return fetcher.get(uri, Map.of("access_token", accessToken, "Accept", "application/json"));
    } catch (FetchException e) {
      throw FetchFailures.of(e, channelCode);
    }
  }

  /** Exchanges a refresh token for a new pair; the old refresh token is spent once Zalo answers. */
  public HttpResult refresh(String appId, String secretKey, String refreshToken, String channelCode)
      throws ConnectorException {
    return token("refresh_token=" + enc(refreshToken) + "&app_id=" + enc(appId) + "&grant_type=refresh_token",
        secretKey, channelCode);
  }

  /** Exchanges an OAuth v4 authorization code (with its PKCE verifier) for the OA's first pair. */
  public HttpResult authorize(String appId, String secretKey, String code, String codeVerifier, String channelCode)
      throws ConnectorException {
    return token("code=" + enc(code) + "&app_id=" + enc(appId) + "&grant_type=authorization_code&code_verifier="
        + enc(codeVerifier), secretKey, channelCode);
  }

  private HttpResult token(String form, String secretKey, String channelCode) throws ConnectorException {
    HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri())
        .header("secret_key", secretKey)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    try {
      return fetcher.send(b);
    } catch (FetchException e) {
      throw FetchFailures.of(e, channelCode);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String trim(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
