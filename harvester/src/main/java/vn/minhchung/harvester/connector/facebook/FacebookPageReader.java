package vn.minhchung.harvester.connector.facebook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.capture.PageVerdict;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;
import vn.minhchung.harvester.capture.browser.CaptureLimits;
import vn.minhchung.harvester.capture.browser.PageCapturer;
import vn.minhchung.harvester.capture.browser.RenderedPage;
import vn.minhchung.harvester.capture.social.BrowserPost;
import vn.minhchung.harvester.capture.social.FacebookPageParser;
import vn.minhchung.harvester.capture.social.FacebookSelectors;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;

/**
 * Reads a public Facebook Page through the browser, without a token: the Page at {@code platforms.facebook.pageBaseUrl}
 * (the channel URL's path on that origin), logged out or with the channel's saved session, cookie dialog and login
 * pop-up closed, the timeline scrolled until a post older than the harvest window shows, {@code
 * platforms.facebook.browserMaxPosts} posts are loaded or {@code platforms.facebook.browserBudgetSeconds} pass. Each
 * post in the window (permalink, id, date, text, counts with their shown precision) then takes the normal path.
 * A wall (login, checkpoint, captcha, content not available) is a {@link Kind#BLOCKED} failure: nothing is stored.
 * Stored posts the timeline no longer shows keep their last counts (one page load per post would be needed).
 */
public final class FacebookPageReader {
  private static final Logger LOG = LoggerFactory.getLogger(FacebookPageReader.class);
  /** Hosts whose addresses are read on the configured page origin (so a local stand-in serves them). */
  private static final List<String> FACEBOOK_HOSTS = List.of("facebook.com", "fb.com");

  private final Supplier<CaptureService> browser;

  /** {@code browser}: the process's capture service, started on first use. */
  public FacebookPageReader(Supplier<CaptureService> browser) {
    this.browser = browser;
  }

  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    Settings s = ctx.settings();
    URI base = s.uri("platforms.facebook.pageBaseUrl").orElseThrow();
    URI page = onBase(channelUri(channel), base);
    int maxPosts = (int) s.integer("platforms.facebook.browserMaxPosts");
    if (maxPosts < 1) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": platforms.facebook.browserMaxPosts phải từ 1 trở"
          + " lên (đang là " + maxPosts + ")");
    }
    Duration budget = budget(channel, s);
    CaptureService service;
    try {
      service = browser.get();
    } catch (BrowserUnavailableException e) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": không đọc được Trang qua trình duyệt vì máy chủ"
          + " không chạy được Chromium: " + e.getMessage());
    }
    boolean session = service.hasSavedSession(page);
    Clock clock = ctx.clock();
    Instant windowStart = ctx.windowStart();
    Predicate<String> passedWindow = html -> {
      List<BrowserPost> posts = FacebookPageParser.parse(html.getBytes(StandardCharsets.UTF_8), page, clock);
      return !posts.isEmpty() && posts.get(posts.size() - 1).postedAt()
          .map(t -> t.toInstant().isBefore(windowStart)).orElse(false);
    };
    RenderedPage r = service.render(page, Optional.of(channel.code()), session, Optional.of(
        new PageCapturer.Scroll(FacebookSelectors.FEED_POST, maxPosts, budget, passedWindow)));
    if (r.verdict().isPresent()) {
      PageVerdict.Verdict v = r.verdict().get();
      if (session && v.status() == CaptureStatus.LOGIN_WALL) {
        service.reportSession(page, v.detail().contains("checkpoint")
            ? vn.minhchung.storage.credential.SavedSession.State.CHECKPOINT
            : vn.minhchung.storage.credential.SavedSession.State.LOGGED_OUT, page + ": " + v.detail());
      }
      throw wall(channel, page, v, session);
    }
    List<BrowserPost> posts = FacebookPageParser.parse(r.html().getBytes(StandardCharsets.UTF_8),
        URI.create(r.finalUrl()), clock);
    if (posts.isEmpty()) {
      ctx.problem(page.toString(), "no_posts_read", "Trang tải được nhưng không đọc được bài nào (không thấy bài có "
          + "liên kết và ngày đăng); có thể Trang chưa đăng bài hoặc Facebook đã đổi giao diện (xem FacebookSelectors)");
      return;
    }
    Set<String> seen = new HashSet<>();
    int inWindow = 0;
    for (BrowserPost p : posts.subList(0, Math.min(posts.size(), maxPosts))) {
      boolean old = p.postedAt().map(t -> t.toInstant().isBefore(windowStart)).orElse(false);
      if (!old && seen.add(p.platformId())) {
        ctx.accept(harvested(p, base, clock));
        inWindow++;
      }
    }
    LOG.info("facebook page {} (browser{}): {} posts read, {} in the window", channel.code(),
        session ? ", saved session" : ", logged out", posts.size(), inWindow);
  }

  /** The wall as the run's failure: blocked for walls, not found for 404/410, transient for the rest. */
  static ConnectorException wall(ChannelSpec channel, URI page, PageVerdict.Verdict v, boolean session) {
    String detail = v.detail();
    if (v.status() == CaptureStatus.LOGIN_WALL || v.status() == CaptureStatus.UNAVAILABLE) {
      String reason = v.status() == CaptureStatus.UNAVAILABLE ? "nội dung không khả dụng"
          : detail.contains("checkpoint") ? "Facebook đòi xác minh tài khoản (checkpoint)"
          : detail.contains("captcha") ? "Facebook đòi giải captcha"
          : session ? "phiên đăng nhập hết hạn" : "trang yêu cầu đăng nhập";
      return new ConnectorException(Kind.BLOCKED, channel.code() + ": " + reason + " — " + page + " (" + detail
          + ")" + (session ? "; lưu lại phiên đăng nhập của kênh" : "; Trang không xem được khi chưa đăng nhập:"
          + " lưu phiên đăng nhập cho kênh hoặc kết nối tài khoản Trang"));
    }
    if (v.status() == CaptureStatus.NOT_FOUND) {
      return new ConnectorException(Kind.NOT_FOUND, channel.code() + ": " + page + ": không tìm thấy Trang ("
          + detail + "); kiểm tra URL của kênh");
    }
    return new ConnectorException(Kind.TRANSIENT, channel.code() + ": " + page + ": " + v.status().label() + " ("
        + detail + "); thử lại sau");
  }

  private static HarvestedPost harvested(BrowserPost p, URI base, Clock clock) {
    String url = onBase(URI.create(p.url()), base).toString();
    Instant postedAt = p.postedAt().map(t -> t.toInstant()).orElse(null);
    Set<String> flags = new HashSet<>();
    if (postedAt == null) {
      flags.add("no_date");
    } else if (postedAt.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
      flags.add("future_date");
    }
    PostKind kind = url.contains("/videos/") || url.contains("/reel/") || p.durationSeconds() != null
        ? PostKind.VIDEO : PostKind.POST;
    if (kind == PostKind.VIDEO && p.durationSeconds() == null) {
      flags.add("duration_unknown");
    }
    String text = p.text() == null || p.text().isBlank() ? null : p.text().strip();
    return new HarvestedPost(p.platformId(), kind, url, url, text == null ? null : FacebookParser.firstLine(text),
        null, text, null, null, null, postedAt, p.postedAtText(), p.durationSeconds(), counts(p.counts()), flags);
  }

  /** Counts with their precision: the shown value, and the upper bound of a shortened one. */
  static Counts counts(Map<String, VietnameseCounts.Range> read) {
    Map<String, Long> upper = new HashMap<>();
    read.forEach((k, r) -> {
      if (!r.exact()) {
        upper.put(k, r.high());
      }
    });
    return new Counts(low(read, "reactions"), low(read, "comments"), low(read, "shares"), low(read, "views"), null,
        upper);
  }

  private static Long low(Map<String, VietnameseCounts.Range> read, String key) {
    VietnameseCounts.Range r = read.get(key);
    return r == null ? null : r.low();
  }

  /**
   * The scroll budget; it must leave the page load its own time inside the browser watchdog's deadline, else
   * the watchdog would kill a timeline that is merely long.
   */
  private static Duration budget(ChannelSpec channel, Settings s) throws ConnectorException {
    long seconds = s.integer("platforms.facebook.browserBudgetSeconds");
    CaptureLimits limits = CaptureLimits.of(s);
    long ceiling = limits.hungAfter().minusMillis(limits.captureTimeoutMs()).minusSeconds(60).toSeconds();
    if (seconds < 1 || seconds > ceiling) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": platforms.facebook.browserBudgetSeconds phải từ"
          + " 1 đến " + ceiling + " giây với browser.captureTimeoutSeconds hiện tại (đang là " + seconds + ")");
    }
    return Duration.ofSeconds(seconds);
  }

  private static URI channelUri(ChannelSpec channel) throws ConnectorException {
    try {
      return new URI(channel.url().strip());
    } catch (URISyntaxException e) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": URL Trang không hợp lệ: " + channel.url());
    }
  }

  /**
   * A Facebook address on the configured page origin: scheme, host and port of {@code base}, path and query kept
   * (the default origin leaves real addresses as they are; a local stand-in serves them in tests and the demo).
   */
  static URI onBase(URI u, URI base) {
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    boolean facebook = FACEBOOK_HOSTS.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h))
        || host.equalsIgnoreCase(base.getHost());
    if (!facebook) {
      return u;
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
  }
}
