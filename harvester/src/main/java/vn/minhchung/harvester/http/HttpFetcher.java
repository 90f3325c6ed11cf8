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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import vn.minhchung.config.settings.Settings;

/**
 * Sends HTTP requests with a timeout, a body size limit and retries: timeouts, connection failures, 5xx and
 * 429 are retried up to {@code http.maxRetries} times with exponential backoff and full jitter; a
 * {@code Retry-After} on 429/503 is honoured when it is short, and turned into a {@link FetchException} with
 * {@link FetchException.Reason#RATE_LIMITED} when it is longer than {@link #MAX_INLINE_WAIT}. Non-2xx answers
 * that are not retried (or still fail after retries) are returned, so callers can read error bodies.
 */
public final class HttpFetcher {
  /** The longest Retry-After we wait for inside a run; longer ones end the call. */
  public static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(60);
  private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final long maxBodyBytes;
  private final int maxRetries;
  private final Sleeper sleeper;
  private final Clock clock;

  public HttpFetcher(Settings settings, Sleeper sleeper, Clock clock) {
    this(settings.string("http.userAgent"), Duration.ofSeconds(settings.integer("http.timeoutSeconds")),
        settings.longValue("http.maxBodyBytes"), settings.integer("http.maxRetries"), sleeper, clock);
  }

  public HttpFetcher(String userAgent, Duration timeout, long maxBodyBytes, int maxRetries, Sleeper sleeper,
      Clock clock) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
    this.clock = clock;
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
            || attempt > maxRetries) {
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

  private HttpResult sendOnce(HttpRequest request, int attempt) throws FetchException {
    URI uri = request.uri();
    try {
      HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
          throw new FetchException(FetchException.Reason.TOO_LARGE, uri,
              uri + ": body larger than " + maxBodyBytes + " bytes (http.maxBodyBytes); not read", null, null);
        }
        return new HttpResult(uri, r.uri(), r.statusCode(), r.headers(), body, attempt);
      }
    } catch (HttpTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, uri,
          uri + ": no answer within " + timeout.toSeconds() + " s (http.timeoutSeconds)", null, e);
    } catch (ConnectException e) {
      throw new FetchException(FetchException.Reason.NETWORK, uri, uri + ": cannot connect: " + e.getMessage(), null, e);
    } catch (IOException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("redirects")) {
        throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, uri, uri + ": too many redirects (loop?)",
            null, e);
      }
      throw new FetchException(FetchException.Reason.NETWORK, uri, uri + ": " + msg, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.INTERRUPTED, uri, uri + ": interrupted", null, e);
    }
  }
}
