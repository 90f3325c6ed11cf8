package vn.minhchung.harvester.capture.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One Playwright driver and one headless browser, used only by the thread that launched them (Playwright
 * objects are not thread-safe). A marker flag on the command line lets the pool find the browser process, and
 * its parent, the driver: {@link #kill} ends them from another thread when a call hangs.
 */
public final class BrowserSession implements AutoCloseable {
  private final Playwright playwright;
  private final Browser browser;
  private final String marker;
  private final Optional<ProcessHandle> process;
  private final Optional<ProcessHandle> driver;
  private int uses;

  private BrowserSession(Playwright playwright, Browser browser, String marker) {
    this.playwright = playwright;
    this.browser = browser;
    this.marker = marker;
    this.process = find();
    this.driver = process.flatMap(ProcessHandle::parent).filter(p -> p.pid() != ProcessHandle.current().pid());
  }

  public static BrowserSession launch(Path executable) {
    String marker = "--harvester-session=" + UUID.randomUUID();
    List<String> args = new ArrayList<>(BrowserLocator.FLAGS);
    args.add(marker);
    Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser b = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
          .setHeadless(true).setArgs(args));
      return new BrowserSession(pw, b, marker);
    } catch (PlaywrightException e) {
      pw.close();
      throw new BrowserUnavailableException("the browser " + executable + " did not start: "
          + PageCapturer.firstLine(e) + "; check it runs (" + executable + " --headless --version) or install "
          + "one with: " + BrowserLocator.INSTALL_HINT, e);
    }
  }

  public Browser browser() {
    return browser;
  }

  public boolean alive() {
    return browser.isConnected();
  }

  public String version() {
    return browser.version();
  }

  /** Counts a capture; returns the count so far. */
  public int used() {
    return ++uses;
  }

  /** The browser's main process, found by its marker flag at launch. */
  public Optional<ProcessHandle> process() {
    return process.filter(ProcessHandle::isAlive);
  }

  /**
   * Kills the browser's process tree (SIGKILL also ends a stopped process), so that a call blocked on it
   * fails; with {@code driverToo} the Playwright driver as well, for a call that the driver never answers.
   * Safe from any thread. Returns whether a process was found to kill.
   */
  public boolean kill(boolean driverToo) {
    Optional<ProcessHandle> target = driverToo ? driver.or(() -> process) : process;
    target.ifPresent(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    return target.isPresent();
  }

  private Optional<ProcessHandle> find() {
    return ProcessHandle.allProcesses().filter(this::marked)
        .filter(p -> p.parent().map(parent -> !marked(parent)).orElse(true))
        .findFirst();
  }

  private boolean marked(ProcessHandle p) {
    return p.info().commandLine().map(c -> c.contains(marker)).orElse(false);
  }

  @Override
  public void close() {
    try {
      browser.close();
    } catch (PlaywrightException e) {
      // Already gone (crashed or killed): closing the driver below reaps what is left.
    }
    try {
      playwright.close();
    } catch (PlaywrightException e) {
      // The driver was killed by the watchdog: nothing is left to close.
    }
  }
}
