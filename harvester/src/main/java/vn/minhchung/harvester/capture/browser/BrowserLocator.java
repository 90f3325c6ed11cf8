package vn.minhchung.harvester.capture.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.minhchung.config.settings.Settings;

/**
 * Finds the Chromium to drive: the {@code browser.executable} setting (or {@code HARVESTER_BROWSER_EXECUTABLE}),
 * else a browser Playwright downloaded, else {@code /usr/bin/chromium}. Fails with the install command.
 */
public final class BrowserLocator {
  public static final String INSTALL_HINT = "apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji";
  /** Flags every launch uses: no sandbox (containers), and nothing that phones home during a capture. */
  public static final List<String> FLAGS = List.of("--no-sandbox", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu");
  static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

  private BrowserLocator() {}

  public static Path locate(Settings settings, Map<String, String> env) {
    return locate(settings.get("browser.executable").map(Path::of), playwrightCache(env), SYSTEM_CHROMIUM);
  }

  static Path locate(Optional<Path> configured, Optional<Path> playwrightCache, Path system) {
    if (configured.isPresent()) {
      Path p = configured.get();
      if (!Files.isExecutable(p)) {
        throw new BrowserUnavailableException("browser.executable (HARVESTER_BROWSER_EXECUTABLE) is " + p
            + ", which is not an executable file; point it at a Chromium/Chrome binary or install one with: "
            + INSTALL_HINT);
      }
      return p;
    }
    Optional<Path> managed = playwrightCache.flatMap(BrowserLocator::managedChromium);
    if (managed.isPresent()) {
      return managed.get();
    }
    if (Files.isExecutable(system)) {
      return system;
    }
    throw new BrowserUnavailableException("no browser found: browser.executable is not set, Playwright has not "
        + "downloaded one and " + system + " does not exist; install one with: " + INSTALL_HINT);
  }

  private static Optional<Path> playwrightCache(Map<String, String> env) {
    String custom = env.get("PLAYWRIGHT_BROWSERS_PATH");
    if (custom != null && !custom.isBlank() && !"0".equals(custom)) {
      return Optional.of(Path.of(custom));
    }
    String home = env.get("HOME");
    return home == null ? Optional.empty() : Optional.of(Path.of(home, ".cache", "ms-playwright"));
  }

  /** The newest {@code chromium-NNNN/chrome-linux/chrome} under Playwright's cache, if any. */
  static Optional<Path> managedChromium(Path cache) {
    if (!Files.isDirectory(cache)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(cache)) {
      return dirs.filter(d -> d.getFileName().toString().matches("chromium-\\d+"))
          .sorted(Comparator.comparingInt(
              (Path d) -> Integer.parseInt(d.getFileName().toString().substring("chromium-".length()))).reversed())
          .flatMap(d -> Stream.of(d.resolve("chrome-linux").resolve("chrome"), d.resolve("chrome-linux64").resolve("chrome")))
          .filter(Files::isExecutable)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
