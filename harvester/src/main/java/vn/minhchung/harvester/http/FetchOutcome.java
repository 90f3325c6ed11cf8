package vn.minhchung.harvester.http;

import java.net.URI;

/**
 * What {@link PoliteFetcher} did: fetched a page, learnt that a page asked for with {@link
 * PoliteFetcher#fetchIfChanged} has not changed, or obeyed robots.txt.
 */
public sealed interface FetchOutcome permits FetchOutcome.Fetched, FetchOutcome.NotModified, FetchOutcome.Disallowed {

  /** An answer (any status). */
  record Fetched(Page page) implements FetchOutcome {}

  /**
   * The server answered 304 to our validators, or sent the body it sent last time (same SHA-256): the page is as
   * it was when last fetched; no body.
   */
  record NotModified(URI uri) implements FetchOutcome {}

  /** robots.txt forbids this URL for our user agent; nothing was requested. */
  record Disallowed(URI uri, URI robotsTxt) implements FetchOutcome {}
}
