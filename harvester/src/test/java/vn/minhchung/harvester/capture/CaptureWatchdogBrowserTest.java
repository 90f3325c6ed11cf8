package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;

/**
 * A browser that stops answering (SIGSTOP: the process lives, Playwright's calls wait for ever) is killed by the
 * watchdog; the capture runs again on a fresh browser, or is recorded as a timeout when that one hangs too.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CaptureWatchdogBrowserTest {
  static final Instant NOW = Instant.parse("2026-11-20T03:15:42Z");
  static final Duration HUNG_AFTER = Duration.ofSeconds(15);
  @TempDir Path data;
  FixtureServer server;
  DatabaseTarget target;
  Database db;
  CaptureService service;

  @BeforeEach
  void start() {
    server = new FixtureServer();
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    Settings settings = Settings.of(data, Map.of("browser.concurrency", "1", "browser.captureTimeoutSeconds", "10",
        "http.allowHosts", server.url("/").getAuthority()));
    service = CaptureService.start(settings, Map.of(), db, new BlobStore(data.resolve("blobs")),
        Clock.fixed(NOW, ZoneOffset.UTC), HUNG_AFTER);
  }

  @AfterEach
  void stop() {
    service.close();
    db.close();
    TestDatabases.drop(target);
    server.close();
  }

  @Test
  void stoppedBrowserIsKilledAndTheCaptureCompletesOnAFreshOne() throws Exception {
    assertThat(service.submit(CaptureRequest.of(server.url("/page/truoc"))).get(120, TimeUnit.SECONDS).status())
        .isEqualTo(CaptureStatus.OK);
    ProcessHandle browser = service.browserProcesses().get(0);
    int restartsBefore = service.browserRestarts();
    signal("STOP", browser);

    long started = System.nanoTime();
    CaptureResult r = service.submit(CaptureRequest.of(server.url("/page/sau-khi-treo"))).get(150, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(r.status()).as(r.detail()).isEqualTo(CaptureStatus.OK);
    assertThat(took).isGreaterThanOrEqualTo(HUNG_AFTER).isLessThan(HUNG_AFTER.plusSeconds(100));
    assertThat(service.browserRestarts()).isGreaterThan(restartsBefore);
    assertThat(browser.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(recordedStatus(r.captureId())).isEqualTo("ok");
  }

  @Test
  void captureWhoseFreshBrowserHangsTooIsRecordedAsTimeoutNotLost() throws Exception {
    assertThat(service.submit(CaptureRequest.of(server.url("/page/truoc"))).get(120, TimeUnit.SECONDS).status())
        .isEqualTo(CaptureStatus.OK);
    AtomicBoolean stopping = new AtomicBoolean(true);
    Set<Long> stopped = ConcurrentHashMap.newKeySet();
    Thread stopper = new Thread(() -> {
      while (stopping.get()) {
        for (ProcessHandle p : service.browserProcesses()) {
          if (stopped.add(p.pid())) {
            signal("STOP", p);
          }
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "stop-every-browser");
    stopper.start();
    try {
      CaptureResult r = service.submit(CaptureRequest.of(server.url("/page/treo-hai-lan"))).get(240, TimeUnit.SECONDS);

      assertThat(r.status()).isEqualTo(CaptureStatus.TIMEOUT);
      assertThat(r.detail()).startsWith("trình duyệt bị treo hai lần khi chụp trang");
      assertThat(stopped).hasSizeGreaterThanOrEqualTo(2);
      assertThat(recordedStatus(r.captureId())).isEqualTo("timeout");
    } finally {
      stopping.set(false);
      stopper.interrupt();
      stopper.join(10_000);
    }
    assertThat(service.submit(CaptureRequest.of(server.url("/page/sau"))).get(120, TimeUnit.SECONDS).status())
        .isEqualTo(CaptureStatus.OK);
  }

  private String recordedStatus(long captureId) {
    return db.inTransaction(s -> s.find(Capture.class, captureId).getStatus());
  }

  private static void signal(String signal, ProcessHandle p) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
