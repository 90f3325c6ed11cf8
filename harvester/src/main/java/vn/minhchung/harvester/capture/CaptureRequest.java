package vn.minhchung.harvester.capture;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One page to capture and what the caller knows about it. {@code expected} is what the harvest read (post
 * date text, counts) and must be visible in the captured element; when empty and {@code requirePostFields}
 * is set, the facts are read from the element itself. {@code needsLogin}: the page is only the content when
 * account controls are present (the saved session of the page's platform, {@code session import}, is the login).
 */
public record CaptureRequest(URI url, Optional<String> channelCode, Optional<String> selector, Optional<Long> postId,
    Optional<Long> runId, Optional<Long> evidenceId, ShownFacts expected, boolean requirePostFields,
    boolean needsLogin) {

  public CaptureRequest {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("cannot capture " + url + ": expected an http:// or https:// URL with a host");
    }
  }

  public static CaptureRequest of(URI url) {
    return new CaptureRequest(url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ShownFacts.NONE, false, false);
  }

  public CaptureRequest withChannel(String code) {
    return new CaptureRequest(url, Optional.ofNullable(code), selector, postId, runId, evidenceId, expected,
        requirePostFields, needsLogin);
  }

  public CaptureRequest withSelector(String css) {
    return new CaptureRequest(url, channelCode, Optional.ofNullable(css), postId, runId, evidenceId, expected,
        requirePostFields, needsLogin);
  }

  /** Links the capture to a post, a run and an evidence item (database ids; any may be null). */
  public CaptureRequest linkedTo(Long post, Long run, Long evidence) {
    return new CaptureRequest(url, channelCode, selector, Optional.ofNullable(post), Optional.ofNullable(run),
        Optional.ofNullable(evidence), expected, requirePostFields, needsLogin);
  }

  /** A social post: its date and counts must be visible; {@code facts} may be {@link ShownFacts#NONE}. */
  public CaptureRequest asPost(ShownFacts facts) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, facts, true, needsLogin);
  }

  public CaptureRequest withNeedsLogin(boolean value) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, expected, requirePostFields,
        value);
  }
}
