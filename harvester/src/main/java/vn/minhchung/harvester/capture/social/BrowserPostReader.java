package vn.minhchung.harvester.capture.social;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.browser.RenderedPage;

/**
 * Reads a social channel's recent posts through the browser, for channels without API access (registry
 * option {@code via: browser}). Facebook pages only: Zalo OA public pages show neither dates nor counts
 * (PLATFORMS.md), so Zalo posts come from the Open API and the browser only captures them.
 */
public final class BrowserPostReader {
  private final CaptureService service;
  private final Clock clock;

  public BrowserPostReader(CaptureService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  /** A page that is not the content (login wall, unavailable, error): the harvest records it as a problem. */
  public static final class NotContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotContentException(String message) {
      super(message);
    }
  }

  /** The posts the channel page shows now, newest first as the page orders them. */
  public List<BrowserPost> read(URI channelUrl, ChannelKind kind, Optional<String> channelCode, boolean needsLogin) {
    if (kind != ChannelKind.FACEBOOK_PAGE) {
      throw new IllegalArgumentException("cannot read " + kind.code() + " channel " + channelUrl
          + " through the browser: only facebook_page is supported (Zalo OA pages show no dates or counts; use "
          + "the Zalo Open API)");
    }
    RenderedPage page = service.render(channelUrl, channelCode, needsLogin);
    if (page.verdict().isPresent()) {
      throw new NotContentException(channelUrl + " (kênh " + channelCode.orElse("?") + "): "
          + page.verdict().get().status().label() + " — " + page.verdict().get().detail());
    }
    return FacebookPageParser.parse(page.html().getBytes(StandardCharsets.UTF_8), URI.create(page.finalUrl()), clock);
  }
}
