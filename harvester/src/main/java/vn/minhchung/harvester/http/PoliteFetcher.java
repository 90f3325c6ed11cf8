package vn.minhchung.harvester.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import vn.minhchung.config.settings.Settings;

/**
 * Fetches web pages the way a well-behaved crawler does, on top of {@link HttpFetcher} (timeouts, size limit,
 * retries, Retry-After): robots.txt is read once per host and obeyed (a forbidden URL is not requested), one
 * request at a time per host with {@code http.perHostDelayMs} between them (or the robots.txt crawl-delay when
 * longer, capped at {@link #MAX_CRAWL_DELAY}), and conditional GET ({@link #fetchIfChanged}) with the ETag /
 * Last-Modified of the last answer. Only those validators and the SHA-256 of the body are remembered, in a
 * {@link ValidatorStore} (table {@code fetch_validator} for the harvests), never the pages: a 304, or a body with
 * the hash of the last one, tells the caller that nothing changed, and the caller already holds what it read
 * then. Thread-safe.
 */
public final class PoliteFetcher {
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(10);

  private final HttpFetcher http;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration perHostDelay;
  private final String robotName;
  private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();
  private final Map<String, HostSlot> hosts = new ConcurrentHashMap<>();
  private final ValidatorStore validators;

  private static final class HostSlot {
    final ReentrantLock lock = new ReentrantLock();
    Instant nextAllowed = Instant.MIN;
  }

  /** A fetcher that remembers validators in this process only ({@link ValidatorStore.InMemory}). */
  public PoliteFetcher(HttpFetcher http, Settings settings, Sleeper sleeper, Clock clock) {
    this(http, settings, sleeper, clock, new ValidatorStore.InMemory());
  }

  public PoliteFetcher(HttpFetcher http, Settings settings, Sleeper sleeper, Clock clock, ValidatorStore validators) {
    this.validators = validators;
    this.http = http;
    this.sleeper = sleeper;
    this.clock = clock;
    this.perHostDelay = Duration.ofMillis(settings.integer("http.perHostDelayMs"));
    this.robotName = robotName(settings.string("http.userAgent"));
  }

  /** The product token of the user agent ("MinhChungHarvester/0.1 (…)" → "minhchungharvester"), for robots.txt. */
  static String robotName(String userAgent) {
    String token = userAgent.strip().split("[/\\s]", 2)[0];
    return token.toLowerCase(Locale.ROOT);
  }

  /** Fetches {@code uri} unless robots.txt forbids it; never {@link FetchOutcome.NotModified}. */
  public FetchOutcome fetch(URI uri) throws FetchException {
    return fetch(uri, false);
  }

  /**
   * Like {@link #fetch}, but with the validators of the last answer for {@code uri}: {@link FetchOutcome.NotModified}
   * when the server says it has not changed (304), or sends the very body it sent last time. For pages whose
   * earlier reading the caller has kept.
   */
  public FetchOutcome fetchIfChanged(URI uri) throws FetchException {
    return fetch(uri, true);
  }

  private FetchOutcome fetch(URI uri, boolean conditional) throws FetchException {
    http.checkAddress(uri);
    BaseRobotRules rules = rules(uri);
    if (!rules.isAllowed(uri.toString())) {
      return new FetchOutcome.Disallowed(uri, robotsUri(uri));
    }
    ValidatorStore.Validators before = conditional ? validators.get(uri).orElse(null) : null;
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    headers.put("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5");
    if (before != null && before.etag() != null) {
      headers.put("If-None-Match", before.etag());
    }
    if (before != null && before.lastModified() != null) {
      headers.put("If-Modified-Since", before.lastModified());
    }
    HttpResult r = politely(uri, rules, headers);
    if (r.status() == 304 && before != null) {
      return new FetchOutcome.NotModified(uri);
    }
    if (r.isSuccess()) {
      ValidatorStore.Validators now = ValidatorStore.Validators.of(r);
      if (!now.equals(before)) {
        validators.put(uri, now, clock.instant());
      }
      if (before != null && now.bodySha256().equals(before.bodySha256())) {
        return new FetchOutcome.NotModified(uri);
      }
    }
    return new FetchOutcome.Fetched(new Page(uri, r.finalUri(), r.status(), r.header("Content-Type").orElse(null),
        r.body()));
  }

  /** The sitemaps robots.txt of this URL's host lists ({@code Sitemap:} lines). */
  public List<String> sitemapsOf(URI uri) throws FetchException {
    return rules(uri).getSitemaps();
  }

  private HttpResult politely(URI uri, BaseRobotRules rules, Map<String, String> headers) throws FetchException {
    HostSlot slot = hosts.computeIfAbsent(hostKey(uri), k -> new HostSlot());
    slot.lock.lock();
    try {
      Duration wait = Duration.between(clock.instant(), slot.nextAllowed);
      if (!wait.isNegative() && !wait.isZero()) {
        sleep(wait, uri);
      }
      try {
        return http.get(uri, headers);
      } finally {
        slot.nextAllowed = clock.instant().plus(delay(rules));
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private Duration delay(BaseRobotRules rules) {
    if (rules == null || rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY) {
      return perHostDelay;
    }
    Duration crawlDelay = Duration.ofMillis(rules.getCrawlDelay());
    Duration capped = crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
    return capped.compareTo(perHostDelay) > 0 ? capped : perHostDelay;
  }

  private BaseRobotRules rules(URI uri) throws FetchException {
    String key = hostKey(uri);
    BaseRobotRules cached = robots.get(key);
    if (cached != null) {
      return cached;
    }
    URI robotsUri = robotsUri(uri);
    HttpResult r = politely(robotsUri, null, Map.of());
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    BaseRobotRules rules;
    if (r.isSuccess()) {
      rules = parser.parseContent(robotsUri.toString(), r.body(), r.header("Content-Type").orElse("text/plain"),
          List.of(robotName));
    } else if (r.status() >= 500) {
      // RFC 9309 §2.3.1.4: a server error on robots.txt means "assume complete disallow" for now.
      throw new FetchException(FetchException.Reason.NETWORK, uri,
          robotsUri + ": HTTP " + r.status() + " for robots.txt; the site is not visited until it answers", null, null);
    } else {
      rules = parser.failedFetch(r.status());
    }
    robots.put(key, rules);
    return rules;
  }

  static URI robotsUri(URI uri) {
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt");
  }

  private static String hostKey(URI uri) {
    return uri.getScheme() + "://" + String.valueOf(uri.getRawAuthority()).toLowerCase(Locale.ROOT);
  }

  private void sleep(Duration d, URI uri) throws FetchException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.INTERRUPTED, uri, uri + ": interrupted while waiting", null, e);
    }
  }
}
