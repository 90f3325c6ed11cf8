package vn.minhchung.harvester.capture.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HarContentPolicy;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.minhchung.harvester.capture.CaptureRequest;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.capture.PageVerdict;
import vn.minhchung.harvester.capture.PageVerdict.Verdict;
import vn.minhchung.harvester.capture.social.CommonSelectors;
import vn.minhchung.harvester.capture.social.FacebookSelectors;
import vn.minhchung.harvester.http.AddressPolicy;

/**
 * Captures one page in a fresh browser context (nothing shared with the previous capture): load, a capped
 * network-idle wait, consent and login pop-ups closed, a scroll for lazy content, then the verdict and the
 * shots. Runs on the worker thread that owns {@code browser}. Every request of the page (documents, frames,
 * subresources, WebSockets) passes the {@link AddressPolicy}: one to an internal address is aborted, so a page
 * cannot make the browser read the harvester's own network.
 */
public final class PageCapturer {
  static final int VIEWPORT_WIDTH = 1280;
  static final int VIEWPORT_HEIGHT = 900;
  private static final double NETWORK_IDLE_MS = 3_000;
  private static final double UI_MS = 1_500;
  private static final double CRASH_EVENT_WAIT_MS = 300;
  private static final Verdict CRASHED =
      new Verdict(CaptureStatus.ERROR, "thẻ trình duyệt bị sập (tab crash) khi tải trang");

  private static final Set<String> NETWORK_SCHEMES = Set.of("http", "https", "ws", "wss");

  private final CaptureLimits limits;
  private final Clock clock;
  private final AddressPolicy policy;

  public PageCapturer(CaptureLimits limits, Clock clock, AddressPolicy policy) {
    this.limits = limits;
    this.clock = clock;
    this.policy = policy;
  }

  /** Signals that the browser itself is gone: the worker restarts it and retries the capture once. */
  public static final class BrowserGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrowserGoneException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Captures the request's page; {@code storageState} is the Playwright storage-state JSON of the saved session of
   * the page's platform (opened in memory by the caller), or empty for a logged-out context.
   */
  public RawCapture capture(Browser browser, CaptureRequest req, Optional<String> storageState, Path workDir) {
    Optional<String> refusal = policy.refusal(req.url());
    if (refusal.isPresent()) {
      return failed(req, new Verdict(CaptureStatus.ERROR, refusal.get()));
    }
    Path har = workDir.resolve("exchanges.har");
    Browser.NewContextOptions opts = contextOptions().setRecordHarPath(har)
        .setRecordHarContent(HarContentPolicy.EMBED);
    storageState.ifPresent(opts::setStorageState);
    BrowserContext context = newContext(browser, opts);
    AtomicBoolean crashed = new AtomicBoolean();
    RawCapture raw;
    try {
      context.setDefaultTimeout(limits.captureTimeoutMs());
      Page page = context.newPage();
      page.onCrash(p -> crashed.set(true));
      raw = run(page, req, crashed);
    } catch (PlaywrightException e) {
      if (!tabCrashed(crashed, e) && browserGone(browser, e)) {
        throw new BrowserGoneException("the browser closed during the capture of " + req.url() + ": "
            + firstLine(e), e);
      }
      raw = failed(req, tabCrashed(crashed, e) ? CRASHED
          : new Verdict(CaptureStatus.ERROR, "lỗi trình duyệt: " + firstLine(e)));
    } finally {
      closeQuietly(context);
    }
    boolean harWritten = Files.isRegularFile(har);
    return new RawCapture(raw.capturedAt(), raw.finalUrl(), raw.httpStatus(), raw.verdict(), raw.elementPng(),
        raw.elementSelector(), raw.elementText(), raw.elementHtml(), raw.fullPagePng(), raw.documentHeight(),
        raw.fullPageHeight(), raw.html(), harWritten ? Optional.of(har) : Optional.empty(), raw.viewport());
  }

  /** Result of loading and preparing a page: stopped early (timeout, crash) or ready with its verdict. */
  private sealed interface Load permits Stopped, Ready {}

  private record Stopped(Verdict verdict, boolean pageUsable, Response response) implements Load {}

  private record Ready(Response response, String finalUrl, int status, Optional<Verdict> verdict) implements Load {}

  private Load load(Page page, URI url, boolean needsLogin, AtomicBoolean crashed, long deadline) {
    Response response;
    try {
      response = page.navigate(url.toString(), new Page.NavigateOptions()
          .setWaitUntil(WaitUntilState.DOMCONTENTLOADED).setTimeout(limits.captureTimeoutMs()));
    } catch (TimeoutError e) {
      return new Stopped(new Verdict(CaptureStatus.TIMEOUT, "trang không phản hồi sau "
          + limits.captureTimeoutMs() / 1000 + " giây"), false, null);
    } catch (PlaywrightException e) {
      if (crashed.get() || firstLine(e).contains("crash") || crashedAfterAll(page, crashed)) {
        return new Stopped(CRASHED, false, null);
      }
      throw e;
    }
    try {
      page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(remaining(deadline)));
    } catch (TimeoutError e) {
      return new Stopped(new Verdict(CaptureStatus.TIMEOUT,
          "trang không tải xong sau " + limits.captureTimeoutMs() / 1000 + " giây"), true, response);
    }
    networkIdle(page, deadline);
    clickAll(page, CommonSelectors.CONSENT_BUTTONS);
    clickAll(page, FacebookSelectors.LOGIN_POPUP_CLOSE);
    scrollThrough(page);
    networkIdle(page, deadline);
    if (crashed.get()) {
      return new Stopped(CRASHED, false, null);
    }
    String finalUrl = page.url();
    int status = response == null ? 200 : response.status();
    PageVerdict.Seen seen = new PageVerdict.Seen(status, URI.create(finalUrl), page.title(),
        page.locator("body").innerText(), visible(page, FacebookSelectors.LOGIN_POPUP),
        page.locator(FacebookSelectors.ACCOUNT_CONTROLS).count() > 0, needsLogin);
    return new Ready(response, finalUrl, status, PageVerdict.judge(seen));
  }

  /**
   * How far to scroll a feed once the page is the content: until {@code enough} says the DOM holds what is wanted,
   * {@code maxItems} elements match {@code itemSelector}, the {@code budget} is spent, or three scrolls in a row
   * bring nothing new.
   */
  public record Scroll(String itemSelector, int maxItems, java.time.Duration budget,
      java.util.function.Predicate<String> enough) {}

  /** Loads a page in a fresh context (no recording, no shots) and returns its DOM and verdict; state as above. */
  public RenderedPage render(Browser browser, URI url, Optional<String> storageState, boolean needsLogin) {
    return render(browser, url, storageState, needsLogin, Optional.empty());
  }

  /** As {@link #render(Browser, URI, Optional, boolean)}, scrolling a feed first when the page is the content. */
  public RenderedPage render(Browser browser, URI url, Optional<String> storageState, boolean needsLogin,
      Optional<Scroll> scroll) {
    Optional<String> refusal = policy.refusal(url);
    if (refusal.isPresent()) {
      return new RenderedPage(url.toString(), 0, Optional.of(new Verdict(CaptureStatus.ERROR, refusal.get())), "");
    }
    Browser.NewContextOptions opts = contextOptions();
    storageState.ifPresent(opts::setStorageState);
    BrowserContext context = newContext(browser, opts);
    AtomicBoolean crashed = new AtomicBoolean();
    try {
      context.setDefaultTimeout(limits.captureTimeoutMs());
      Page page = context.newPage();
      page.onCrash(p -> crashed.set(true));
      Load load = load(page, url, needsLogin, crashed, deadline());
      if (load instanceof Stopped s) {
        return new RenderedPage(url.toString(), s.response() == null ? 0 : s.response().status(),
            Optional.of(s.verdict()), s.pageUsable() ? page.content() : "");
      }
      Ready r = (Ready) load;
      String html = r.verdict().isEmpty() && scroll.isPresent() ? scrollFeed(page, scroll.get()) : page.content();
      return new RenderedPage(r.finalUrl(), r.status(), r.verdict(), html);
    } catch (PlaywrightException e) {
      if (!tabCrashed(crashed, e) && browserGone(browser, e)) {
        throw new BrowserGoneException("the browser closed while loading " + url + ": " + firstLine(e), e);
      }
      return new RenderedPage(url.toString(), 0, Optional.of(tabCrashed(crashed, e) ? CRASHED
          : new Verdict(CaptureStatus.ERROR, "lỗi trình duyệt: " + firstLine(e))), "");
    } finally {
      closeQuietly(context);
    }
  }

  private RawCapture run(Page page, CaptureRequest req, AtomicBoolean crashed) {
    long deadline = deadline();
    Load load = load(page, req.url(), req.needsLogin(), crashed, deadline);
    if (load instanceof Stopped s) {
      return s.pageUsable() ? partial(page, req, s.response(), s.verdict()) : failed(req, s.verdict());
    }
    Ready ready = (Ready) load;
    Optional<Verdict> verdict = ready.verdict();
    if (verdict.isEmpty() && req.watch().isPresent()) {
      return watched(page, ready, req.watch().get());
    }
    Optional<Locator> element = verdict.isPresent() ? Optional.empty() : element(page, req);
    Instant capturedAt = clock.instant();
    Optional<byte[]> elementPng = element.map(l -> elementShot(page, l));
    String elementText = element.map(Locator::innerText).orElse("");
    String elementHtml = element.map(l -> (String) l.evaluate("e => e.outerHTML")).orElse("");
    Shot full = fullPage(page);
    return new RawCapture(capturedAt, ready.finalUrl(), ready.status(), verdict, elementPng,
        element.map(l -> selectorOf(page, req)), elementText, elementHtml, Optional.of(full.png()),
        full.documentHeight(), full.height(), Optional.of(page.content()), Optional.empty(), viewport());
  }

  /** Page context kept above and below a watched element in its shot, in CSS pixels. */
  static final int WATCH_MARGIN = 180;

  /**
   * Finds the watched element as the watch connector does (the first visible match of the selector, else the
   * innermost visible element holding the text; the text, when given, must be on the page) and shoots it with
   * {@link #WATCH_MARGIN} of page above and below, across the whole viewport width; without it, the top of the
   * page. The element's selector (or "text") is the capture's element selector only when it was found.
   */
  private RawCapture watched(Page page, Ready ready, vn.minhchung.harvester.capture.PageWatch w) {
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> found = (java.util.Map<String, Object>) page.evaluate("([css, text]) => {"
        + " const fold = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')"
        + "   .toLowerCase().replace(/\s+/g, ' ');"
        + " const visible = e => { const r = e.getBoundingClientRect(); const st = getComputedStyle(e);"
        + "   return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none'; };"
        + " const textShown = !text || fold(document.body.innerText).includes(fold(text));"
        + " let el = null;"
        + " if (css) { el = Array.from(document.querySelectorAll(css)).find(visible) || null; }"
        + " else { const t = fold(text); for (const e of document.body.querySelectorAll('*')) {"
        + "   if (visible(e) && fold(e.innerText).includes(t)) el = e; } }"
        + " if (!el || !textShown) return {found: false, text: ''};"
        + " const r = el.getBoundingClientRect();"
        + " return {found: true, x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height,"
        + "   text: (el.innerText || el.getAttribute('alt') || '').slice(0, 2000)}; }",
        java.util.Arrays.asList(w.selector().orElse(null), w.text().orElse(null)));
    boolean shown = Boolean.TRUE.equals(found.get("found"));
    Instant capturedAt = clock.instant();
    int docHeight = ((Number) page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)"))
        .intValue();
    double top = 0;
    double height = Math.min(VIEWPORT_HEIGHT, docHeight);
    if (shown) {
      double y = ((Number) found.get("y")).doubleValue();
      double h = ((Number) found.get("h")).doubleValue();
      top = Math.max(0, y - WATCH_MARGIN);
      height = Math.min(Math.min(limits.fullPageMaxHeight(), docHeight - top), y + h + WATCH_MARGIN - top);
    }
    byte[] context = page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setTimeout(shotTimeoutMs())
        .setClip(0, top, VIEWPORT_WIDTH, Math.max(1, height)));
    Shot full = fullPage(page);
    return new RawCapture(capturedAt, ready.finalUrl(), ready.status(), Optional.empty(), Optional.of(context),
        shown ? Optional.of(w.selector().orElse("text")) : Optional.empty(), String.valueOf(found.get("text")), "",
        Optional.of(full.png()), full.documentHeight(), full.height(), Optional.of(page.content()), Optional.empty(),
        viewport());
  }

  private double shotTimeoutMs() {
    return limits.shotTimeoutMs();
  }

  private long deadline() {
    return System.nanoTime() + limits.captureTimeoutMs() * 1_000_000L;
  }

  /** A page that loaded part-way: keep what it showed so a person can see why there is no evidence. */
  private RawCapture partial(Page page, CaptureRequest req, Response response, Verdict verdict) {
    Instant at = clock.instant();
    try {
      page.evaluate("() => window.stop()");
      Shot full = fullPage(page);
      return new RawCapture(at, page.url(), response == null ? 0 : response.status(), Optional.of(verdict),
          Optional.empty(), Optional.empty(), "", "", Optional.of(full.png()), full.documentHeight(), full.height(),
          Optional.of(page.content()), Optional.empty(), viewport());
    } catch (PlaywrightException e) {
      return failed(req, verdict);
    }
  }

  private RawCapture failed(CaptureRequest req, Verdict verdict) {
    return new RawCapture(clock.instant(), req.url().toString(), 0, Optional.of(verdict), Optional.empty(),
        Optional.empty(), "", "", Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), viewport());
  }

  private record Shot(byte[] png, int documentHeight, int height) {}

  /**
   * The element's screenshot; an element taller than the cap (e.g. {@code main} of a very long page) is
   * clipped like the full page. Shots get their own time budget: a slow encoder is not a slow page.
   */
  private byte[] elementShot(Page page, Locator l) {
    com.microsoft.playwright.options.BoundingBox box = l.boundingBox();
    if (box == null || box.height <= limits.fullPageMaxHeight()) {
      return l.screenshot(new Locator.ScreenshotOptions().setTimeout(shotTimeoutMs()));
    }
    double scrollY = ((Number) page.evaluate("() => window.scrollY")).doubleValue();
    return page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setTimeout(shotTimeoutMs())
        .setClip(box.x, box.y + scrollY, box.width, limits.fullPageMaxHeight()));
  }

  private Shot fullPage(Page page) {
    int docHeight = ((Number) page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)"))
        .intValue();
    Page.ScreenshotOptions o = new Page.ScreenshotOptions().setFullPage(true).setTimeout(shotTimeoutMs());
    int height = docHeight;
    if (docHeight > limits.fullPageMaxHeight()) {
      height = limits.fullPageMaxHeight();
      o.setClip(0, 0, VIEWPORT_WIDTH, height);
    }
    return new Shot(page.screenshot(o), docHeight, height);
  }

  private static Optional<Locator> element(Page page, CaptureRequest req) {
    String css = selectorOf(page, req);
    Locator l = page.locator(css).first();
    return l.count() > 0 && l.isVisible() ? Optional.of(l) : Optional.empty();
  }

  private static String selectorOf(Page page, CaptureRequest req) {
    if (req.selector().isPresent()) {
      return req.selector().get();
    }
    for (String css : CommonSelectors.CONTENT) {
      Locator l = page.locator(css).first();
      if (l.count() > 0 && l.isVisible()) {
        return css;
      }
    }
    return "body";
  }

  private static void clickAll(Page page, java.util.List<String> selectors) {
    for (String css : selectors) {
      Locator l = page.locator(css).first();
      try {
        if (l.isVisible()) {
          l.click(new Locator.ClickOptions().setTimeout(UI_MS));
          page.waitForTimeout(150);
        }
      } catch (TimeoutError e) {
        // A button that will not take a click is left; the verdict then sees whatever it covers.
      }
    }
  }

  private static boolean visible(Page page, String css) {
    return page.locator(css).first().isVisible();
  }

  /** Scrolls a screen at a time so lazy images and feeds load, bounded in steps and time, then back to top. */
  private void scrollThrough(Page page) {
    page.evaluate("async ([maxHeight]) => {"
        + " const start = performance.now();"
        + " for (let y = 0; y < Math.min(document.documentElement.scrollHeight, maxHeight)"
        + "      && performance.now() - start < 4000; y += window.innerHeight) {"
        + "   window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); }"
        + " window.scrollTo(0, 0); await new Promise(r => setTimeout(r, 60)); }",
        java.util.List.of(limits.fullPageMaxHeight()));
  }

  /** Scrolls to the bottom again and again while the feed grows (see {@link Scroll}); returns the DOM then. */
  private String scrollFeed(Page page, Scroll s) {
    long end = System.nanoTime() + s.budget().toNanos();
    int last = -1;
    int idle = 0;
    while (true) {
      String html = page.content();
      int n = page.locator(s.itemSelector()).count();
      if (n >= s.maxItems() || s.enough().test(html) || System.nanoTime() >= end) {
        return html;
      }
      idle = n > last ? 0 : idle + 1;
      if (idle >= 3) {
        return html;
      }
      last = n;
      page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
      try {
        page.waitForFunction("([sel, n]) => document.querySelectorAll(sel).length > n",
            java.util.List.of(s.itemSelector(), n), new Page.WaitForFunctionOptions().setTimeout(NETWORK_IDLE_MS));
      } catch (TimeoutError e) {
        // Nothing new yet: counted as an idle scroll above on the next turn.
      }
      clickAll(page, FacebookSelectors.LOGIN_POPUP_CLOSE);
    }
  }

  private static void networkIdle(Page page, long deadline) {
    try {
      page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions()
          .setTimeout(Math.min(NETWORK_IDLE_MS, remaining(deadline))));
    } catch (TimeoutError e) {
      // Pages with polling or analytics never go idle; the cap is the point.
    }
  }

  /**
   * The crash event can arrive after the failed navigation it caused ({@code net::ERR_ABORTED}), more so with
   * request interception on. A short client-side wait dispatches pending events without asking the renderer
   * anything (which could block on a page whose script never yields).
   */
  private static boolean crashedAfterAll(Page page, AtomicBoolean crashed) {
    try {
      page.waitForTimeout(CRASH_EVENT_WAIT_MS);
    } catch (PlaywrightException e) {
      // The page or browser is gone; any crash event has been delivered by now.
    }
    return crashed.get();
  }

  private static double remaining(long deadline) {
    return Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000.0);
  }

  private static Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setViewportSize(VIEWPORT_WIDTH, VIEWPORT_HEIGHT).setDeviceScaleFactor(1)
        .setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh").setServiceWorkers(ServiceWorkerPolicy.BLOCK);
  }

  private BrowserContext newContext(Browser browser, Browser.NewContextOptions opts) {
    try {
      BrowserContext context = browser.newContext(opts);
      context.route("**/*", route -> {
        try {
          if (refused(route.request().url())) {
            route.abort("blockedbyclient");
          } else {
            route.resume();
          }
        } catch (PlaywrightException e) {
          // The page crashed or closed while the request waited: nothing is left to load it for, and an
          // exception here would surface in whatever Playwright call is dispatching the event.
        }
      });
      context.routeWebSocket("**/*", ws -> {
        try {
          if (refused(ws.url())) {
            ws.close();
          } else {
            ws.connectToServer();
          }
        } catch (PlaywrightException e) {
          // As above: the page is gone.
        }
      });
      return context;
    } catch (PlaywrightException e) {
      throw new BrowserGoneException("the browser refused a new context: " + firstLine(e), e);
    }
  }

  /** Whether the browser must not send this request; URLs without a network (data:, blob:) pass. */
  private boolean refused(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return true;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return NETWORK_SCHEMES.contains(scheme) && policy.refusal(uri).isPresent();
  }

  private static String viewport() {
    return VIEWPORT_WIDTH + "x" + VIEWPORT_HEIGHT;
  }

  /** The useful line of a Playwright error ("Error { message='…'" wraps the driver's message). */
  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage()).strip();
    int at = m.indexOf("message='");
    if (at >= 0) {
      m = m.substring(at + "message='".length()).strip();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The crash event may arrive after the call it failed ("Target crashed"), on a busy machine often does. */
  private static boolean tabCrashed(AtomicBoolean crashed, PlaywrightException e) {
    return crashed.get() || firstLine(e).contains("crash");
  }

  /** The disconnect event may arrive after the failed call: a closed target also means the browser is gone. */
  private static boolean browserGone(Browser browser, PlaywrightException e) {
    String m = firstLine(e);
    return !browser.isConnected() || m.contains("has been closed") || m.contains("Target closed")
        || m.contains("Browser closed") || m.contains("Connection closed");
  }

  private static void closeQuietly(BrowserContext context) {
    try {
      context.close();
    } catch (PlaywrightException e) {
      // The browser is gone; the HAR of this context is then missing and the capture records no WARC.
    }
  }
}
