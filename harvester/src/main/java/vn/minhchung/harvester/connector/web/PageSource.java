package vn.minhchung.harvester.connector.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.http.FetchException;
import vn.minhchung.harvester.http.FetchOutcome;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.http.PoliteFetcher;

/**
 * Fetches one page for a web connector and turns every way it can fail into a recorded problem (robots.txt,
 * HTTP status, timeout, size, redirect loop), so callers only see a page or nothing. A server that asks us to
 * wait long ends the whole channel as rate-limited: hammering it with the other URLs would be rude.
 */
final class PageSource {
  private final PoliteFetcher fetcher;
  private final HarvestContext context;
  private FetchException lastFailure;

  PageSource(PoliteFetcher fetcher, HarvestContext context) {
    this.fetcher = fetcher;
    this.context = context;
  }

  /** The page when it answered 2xx; otherwise the problem is recorded and the result is empty. */
  Optional<Page> get(String url) throws ConnectorException {
    return get(url, false);
  }

  /** Like {@link #get}, but empty without a problem when the server says the page did not change since last read. */
  Optional<Page> getIfChanged(String url) throws ConnectorException {
    return get(url, true);
  }

  private Optional<Page> get(String url, boolean conditional) throws ConnectorException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      context.problem(url, "bad_url", url + ": không phải URL hợp lệ (" + e.getMessage() + ")");
      return Optional.empty();
    }
    try {
      FetchOutcome outcome = conditional ? fetcher.fetchIfChanged(uri) : fetcher.fetch(uri);
      if (outcome instanceof FetchOutcome.NotModified) {
        return Optional.empty();
      }
      if (outcome instanceof FetchOutcome.Disallowed d) {
        context.problem(url, "robots_disallowed",
            url + ": robots.txt của trang cấm thu thập địa chỉ này (" + d.robotsTxt() + "); không tải");
        return Optional.empty();
      }
      Page page = ((FetchOutcome.Fetched) outcome).page();
      if (!page.isSuccess()) {
        context.problem(url, "http_" + page.status(), url + ": máy chủ trả lời HTTP " + page.status());
        return Optional.empty();
      }
      return Optional.of(page);
    } catch (FetchException e) {
      lastFailure = e;
      if (e.reason() == FetchException.Reason.RATE_LIMITED) {
        throw new ConnectorException(ConnectorException.Kind.RATE_LIMITED,
            "trang yêu cầu tạm dừng thu thập (HTTP 429/503 Retry-After): " + e.getMessage(),
            e.retryAfter().orElse(null), e);
      }
      context.problem(url, reasonCode(e.reason()), e.getMessage());
      return Optional.empty();
    }
  }

  /** The last fetch failure (timeout, network …), to explain a channel where nothing could be fetched. */
  Optional<FetchException> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  PoliteFetcher fetcher() {
    return fetcher;
  }

  static String reasonCode(FetchException.Reason r) {
    return r == FetchException.Reason.TOO_MANY_REDIRECTS ? "redirect_loop" : r.name().toLowerCase(Locale.ROOT);
  }
}
