package vn.minhchung.harvester.capture;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One page to capture and what the caller knows about it. {@code expected} is what the harvest read (post
 * date, counts): it is written in the header band and what of it is known must be visible in the captured
 * element (for any kind of page); when empty and {@code requirePostFields} is set (a social post, whose date and
 * counts must always show), the facts are read from the element itself. {@code channelName} is the channel's
 * name as people know it, written in the band (the code when unknown). {@code needsLogin}: the page is only the
 * content when account controls are present (the saved session of the page's platform, {@code session import},
 * is the login). {@code watch}: a watched page's day ({@link PageWatch}); its element is shot in its page context.
 */
public record CaptureRequest(URI url, Optional<String> channelCode, Optional<String> selector, Optional<Long> postId,
    Optional<Long> runId, Optional<Long> evidenceId, ShownFacts expected, boolean requirePostFields,
    boolean needsLogin, Optional<String> channelName, Optional<PageWatch> watch) {

  public CaptureRequest {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("cannot capture " + url + ": expected an http:// or https:// URL with a host");
    }
  }

  public static CaptureRequest of(URI url) {
    return new CaptureRequest(url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), ShownFacts.NONE, false, false, Optional.empty(), Optional.empty());
  }

  public CaptureRequest withChannel(String code) {
    return new CaptureRequest(url, Optional.ofNullable(code), selector, postId, runId, evidenceId, expected,
        requirePostFields, needsLogin, channelName, watch);
  }

  /** The channel by code and by the name the band shows. */
  public CaptureRequest withChannel(String code, String name) {
    return new CaptureRequest(url, Optional.ofNullable(code), selector, postId, runId, evidenceId, expected,
        requirePostFields, needsLogin, Optional.ofNullable(name).filter(n -> !n.isBlank()), watch);
  }

  public CaptureRequest withSelector(String css) {
    return new CaptureRequest(url, channelCode, Optional.ofNullable(css), postId, runId, evidenceId, expected,
        requirePostFields, needsLogin, channelName, watch);
  }

  /** Links the capture to a post, a run and an evidence item (database ids; any may be null). */
  public CaptureRequest linkedTo(Long post, Long run, Long evidence) {
    return new CaptureRequest(url, channelCode, selector, Optional.ofNullable(post), Optional.ofNullable(run),
        Optional.ofNullable(evidence), expected, requirePostFields, needsLogin, channelName, watch);
  }

  /** A social post: its date and counts must be visible; {@code facts} may be {@link ShownFacts#NONE}. */
  public CaptureRequest asPost(ShownFacts facts) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, facts, true, needsLogin,
        channelName, watch);
  }

  /**
   * A page other than a social post (a news article, a watched page) with what the harvest read about it: the
   * band shows these facts and those known must be visible, but a page that shows no date or count is not held
   * to them.
   */
  public CaptureRequest withFacts(ShownFacts facts) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, facts, requirePostFields,
        needsLogin, channelName, watch);
  }

  public CaptureRequest withNeedsLogin(boolean value) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, expected, requirePostFields,
        value, channelName, watch);
  }

  /** A watched page on one day of its period: the band names the element found (or not) and the day. */
  public CaptureRequest withWatch(PageWatch value) {
    return new CaptureRequest(url, channelCode, selector, postId, runId, evidenceId, expected, requirePostFields,
        needsLogin, channelName, Optional.ofNullable(value));
  }
}
