package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.harvester.capture.FixtureServer;

class CaptureCommandTest {
  @TempDir Path data;

  @Test
  void badUrlExitsWithTwo() {
    CliRun r = CliRun.run(data, "capture", "ftp://hoabinh.gov.vn/a");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("cannot capture ftp://hoabinh.gov.vn/a: expected an http:// or https:// URL");
  }

  @Test
  void unparsableUrlExitsWithTwo() {
    CliRun r = CliRun.run(data, "capture", "http://a b");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("is not a URL");
  }

  @Test
  void missingBrowserExitsWithThreeAndSaysHowToInstall() {
    CliRun r = CliRun.run(data, Map.of("HARVESTER_BROWSER_EXECUTABLE", data.resolve("no-chrome").toString()),
        Clock.systemUTC(), "capture", "http://127.0.0.1:9/");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OUTSIDE_FAILURE);
    assertThat(r.err()).contains("apt-get install -y chromium fonts-noto-core");
  }

  @Test
  void capturesAPageAndPrintsFilesWithHashes() {
    try (FixtureServer server = new FixtureServer()) {
      CliRun r = CliRun.run(data, Map.of("HARVESTER_HTTP_ALLOW_HOSTS", server.url("/").getAuthority()),
          Clock.systemUTC(), "capture", server.url("/page/cli").toString(), "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("\"status\":\"ok\"").contains("\"captureId\":1")
          .containsPattern("\"capture.warc.gz\":\\{\"sha256\":\"[0-9a-f]{64}\"");
    }
  }
}
