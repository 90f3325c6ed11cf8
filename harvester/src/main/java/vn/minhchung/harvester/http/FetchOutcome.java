package vn.minhchung.harvester.http;

import java.net.URI;

/** What {@link PoliteFetcher#fetch} did: fetched a page (maybe unchanged since last time) or obeyed robots.txt. */
public sealed interface FetchOutcome permits FetchOutcome.Fetched, FetchOutcome.Disallowed {

  /** An answer (any status); {@code notModified} when the server said 304 and the remembered page is returned. */
  record Fetched(Page page, boolean notModified) implements FetchOutcome {}

  /** robots.txt forbids this URL for our user agent; nothing was requested. */
  record Disallowed(URI uri, URI robotsTxt) implements FetchOutcome {}
}
