package vn.minhchung.harvester.capture.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserLocatorTest {
  @TempDir Path dir;

  Path executable(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void configuredExecutableWins() throws IOException {
    Path exe = executable(dir.resolve("chrome"));
    assertThat(BrowserLocator.locate(Optional.of(exe), Optional.empty(), dir.resolve("none"))).isEqualTo(exe);
  }

  @Test
  void configuredButMissingFailsWithInstallHint() {
    assertThatThrownBy(() -> BrowserLocator.locate(Optional.of(dir.resolve("nope")), Optional.empty(),
        dir.resolve("none"))).isInstanceOf(BrowserUnavailableException.class)
        .hasMessageContaining("apt-get install -y chromium fonts-noto-core").hasMessageContaining("nope");
  }

  @Test
  void newestPlaywrightBrowserBeforeSystemChromium() throws IOException {
    Path cache = dir.resolve("ms-playwright");
    executable(cache.resolve("chromium-1100/chrome-linux/chrome"));
    Path newest = executable(cache.resolve("chromium-1200/chrome-linux/chrome"));
    Path system = executable(dir.resolve("usr/bin/chromium"));
    assertThat(BrowserLocator.locate(Optional.empty(), Optional.of(cache), system)).isEqualTo(newest);
  }

  @Test
  void systemChromiumWhenNothingElse() throws IOException {
    Path system = executable(dir.resolve("usr/bin/chromium"));
    assertThat(BrowserLocator.locate(Optional.empty(), Optional.of(dir.resolve("empty")), system)).isEqualTo(system);
  }

  @Test
  void noBrowserAtAllSaysHowToInstallOne() {
    assertThatThrownBy(() -> BrowserLocator.locate(Optional.empty(), Optional.empty(), dir.resolve("none")))
        .hasMessageContaining("no browser found").hasMessageContaining("apt-get install -y chromium");
  }
}
