package vn.minhchung.harvester.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import vn.minhchung.config.settings.Settings;

/**
 * Sends HTTP requests with a timeout, a body size limit and retries: timeouts, connection failures, 5xx and
 * 429 are retried up to {@code http.maxRetries} times with exponential backoff and full jitter; a
 * {@code Retry-After} on 429/503 is honoured when it is short, and turned into a {@link FetchException} with
 * {@link FetchException.Reason#RATE_LIMITED} when it is longer than {@link #MAX_INLINE_WAIT}. Non-2xx answers
 * that are not retried (or still fail after retries) are returned, so callers can read error bodies. Redirects
 * are followed here (not by the JDK client, which hands back the last 3xx after its limit) so that a loop is
 * reported as {@link FetchException.Reason#TOO_MANY_REDIRECTS} naming the chain; https → http is not followed.
 * Every hop is checked against the {@link AddressPolicy} before it is requested (refused:
 * {@link FetchException.Reason#ADDRESS_REFUSED}), and a redirect to another origin (scheme, host, port) carries
 * only {@link #CROSS_ORIGIN_HEADERS}: tokens, keys and cookies stay with the host they were meant for.
 */
public final class HttpFetcher {
  /** The longest Retry-After we wait for inside a run; longer ones end the call. */
  public static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(60);
  private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /** Redirects followed per request; a loop is detected before this. */
  static final int MAX_REDIRECTS = 10;
  /** The only request headers a redirect to another origin keeps (lower case). */
  static final Set<String> CROSS_ORIGIN_HEADERS = Set.of("accept", "accept-language", "user-agent");

  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final long maxBodyBytes;
  private final int maxRetries;
  private final Sleeper sleeper;
  private final Clock clock;
  private final AddressPolicy policy;

  public HttpFetcher(Settings settings, Sleeper sleeper, Clock clock) {
    this(settings.string("http.userAgent"), Duration.ofSeconds(settings.integer("http.timeoutSeconds")),
        settings.longValue("http.maxBodyBytes"), settings.integer("http.maxRetries"), sleeper, clock,
        AddressPolicy.of(settings));
  }

  public HttpFetcher(String userAgent, Duration timeout, long maxBodyBytes, int maxRetries, Sleeper sleeper,
      Clock clock, AddressPolicy policy) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
    this.clock = clock;
    this.policy = policy;
  }

  public HttpResult get(URI uri, Map<String, String> headers) throws FetchException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
    headers.forEach(b::header);
    return send(b);
  }

  /** Sends the request built by {@code builder} (user agent and timeout are added here). */
  public HttpResult send(HttpRequest.Builder builder) throws FetchException {
    HttpRequest request = builder.copy().timeout(timeout).setHeader("User-Agent", userAgent).build();
    URI uri = request.uri();
    int attempt = 0;
    while (true) {
      attempt++;
      HttpResult result;
      try {
        result = sendOnce(request, attempt);
      } catch (FetchException e) {
        if (e.reason() == FetchException.Reason.TOO_LARGE || e.reason() == FetchException.Reason.TOO_MANY_REDIRECTS
            || e.reason() == FetchException.Reason.ADDRESS_REFUSED || attempt > maxRetries) {
          throw e;
        }
        pause(backoff(attempt), uri);
        continue;
      }
      if (!isRetryableStatus(result.status()) || attempt > maxRetries) {
        return result;
      }
      Optional<Duration> retryAfter = RetryAfter.parse(result.header("Retry-After").orElse(null), clock.instant());
      if (retryAfter.isPresent() && retryAfter.get().compareTo(MAX_INLINE_WAIT) > 0) {
        throw new FetchException(FetchException.Reason.RATE_LIMITED, uri,
            uri + ": HTTP " + result.status() + ", the server asks to wait " + retryAfter.get().toSeconds() + " s",
            clock.instant().plus(retryAfter.get()), null);
      }
      pause(retryAfter.orElse(backoff(attempt)), uri);
    }
  }

  /** Where a 3xx answer sends us; empty when it is not a redirect, or one that would downgrade https to http. */
  private static Optional<URI> redirectTarget(HttpResponse<?> r) {
    int status = r.statusCode();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return Optional.empty();
    }
    Optional<String> location = r.headers().firstValue("Location");
    if (location.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI next = r.uri().resolve(location.get().strip().replace(" ", "%20"));
      boolean downgrade = "https".equalsIgnoreCase(r.uri().getScheme()) && !"https".equalsIgnoreCase(next.getScheme());
      boolean web = "http".equalsIgnoreCase(next.getScheme()) || "https".equalsIgnoreCase(next.getScheme());
      return downgrade || !web ? Optional.empty() : Optional.of(next);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private HttpResult read(URI uri, HttpResponse<InputStream> r, int attempt) throws IOException, FetchException {
    try (InputStream in = r.body()) {
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBodyBytes) {
        throw tooLarge(uri);
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw tooLarge(uri);
      }
      return new HttpResult(uri, r.uri(), r.statusCode(), r.headers(), body, attempt);
    }
  }

  private FetchException tooLarge(URI uri) {
    return new FetchException(FetchException.Reason.TOO_LARGE, uri,
        uri + ": body larger than " + maxBodyBytes + " bytes (http.maxBodyBytes); not read", null, null);
  }

  static boolean isRetryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^(attempt−1))]. */
  static Duration backoff(int attempt) {
    long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 16));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  private void pause(Duration d, URI uri) throws FetchException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.INTERRUPTED, uri, uri + ": interrupted while waiting to retry",
          null, e);
    }
  }

  /** Refuses {@code uri} as a fetch would, without sending anything (to skip robots.txt of a refused host). */
  public void checkAddress(URI uri) throws FetchException {
    admit(uri, uri);
  }

  private void admit(URI hop, URI requested) throws FetchException {
    Optional<String> refusal = policy.refusal(hop);
    if (refusal.isPresent()) {
      String via = hop.equals(requested) ? "" : requested + " → ";
      throw new FetchException(FetchException.Reason.ADDRESS_REFUSED, requested, via + refusal.get(), null, null);
    }
  }

  /** Same scheme, host and port (default ports made explicit). */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost())
        .equalsIgnoreCase(String.valueOf(b.getHost())) && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private HttpResult sendOnce(HttpRequest request, int attempt) throws FetchException {
    URI uri = request.uri();
    try {
      HttpRequest current = request;
      List<URI> chain = new ArrayList<>(List.of(uri));
      while (true) {
        admit(current.uri(), uri);
        HttpResponse<InputStream> r = client.send(current, HttpResponse.BodyHandlers.ofInputStream());
        Optional<URI> next = redirectTarget(r);
        if (next.isEmpty()) {
          return read(uri, r, attempt);
        }
        r.body().close();
        if (chain.contains(next.get()) || chain.size() > MAX_REDIRECTS) {
          chain.add(next.get());
          throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, uri, uri + ": redirect loop or more than "
              + MAX_REDIRECTS + " redirects: " + chain.stream().map(URI::toString).collect(Collectors.joining(" → ")),
              null, null);
        }
        chain.add(next.get());
        boolean sameOrigin = sameOrigin(current.uri(), next.get());
        HttpRequest.Builder b = HttpRequest.newBuilder(current,
            (name, value) -> sameOrigin || CROSS_ORIGIN_HEADERS.contains(name.toLowerCase(Locale.ROOT)))
            .uri(next.get());
        if (r.statusCode() == 303 || (r.statusCode() == 301 || r.statusCode() == 302) && !"GET".equals(current.method())) {
          b.GET();
        }
        current = b.build();
      }
    } catch (FetchException e) {
      throw e;
    } catch (HttpTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, uri,
          uri + ": no answer within " + timeout.toSeconds() + " s (http.timeoutSeconds)", null, e);
    } catch (ConnectException e) {
      throw new FetchException(FetchException.Reason.NETWORK, uri, uri + ": cannot connect: " + e.getMessage(), null, e);
    } catch (IOException e) {
      String msg = String.valueOf(e.getMessage());
      throw new FetchException(FetchException.Reason.NETWORK, uri, uri + ": " + msg, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.INTERRUPTED, uri, uri + ": interrupted", null, e);
    }
  }
}
