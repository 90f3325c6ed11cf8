package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.http.Sleeper;

/** The per-platform lanes of browser page loads: which pages take them, one load at a time, the gap between. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageGateTest {
  @TempDir Path dir;

  /** A clock the fake sleeper moves forward, so the gaps are asserted without waiting. */
  static final class MovingClock extends Clock {
    volatile Instant now = Instant.parse("2026-04-20T03:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  PageGate gate(Map<String, String> settings, Sleeper sleeper, Clock clock, double random) {
    return PageGate.of(Settings.of(dir, settings), sleeper, clock, () -> random, Duration.ofSeconds(30));
  }

  @Test
  void platformPagesTakeTheLaneOfTheHostOfTheirConfiguredPageBaseUrl() {
    try (PageGate g = gate(Map.of("platforms.youtube.pageBaseUrl", "http://127.0.0.1:8123"), d -> { }, Clock.systemUTC(),
        0.5)) {
      assertThat(g.platformOf(URI.create("https://www.facebook.com/truyenthongtinhbacninh"))).contains("facebook");
      assertThat(g.platformOf(URI.create("https://m.facebook.com/story.php?story_fbid=1"))).contains("facebook");
      assertThat(g.platformOf(URI.create("https://facebook.com/ubndbacninh"))).contains("facebook");
      assertThat(g.platformOf(URI.create("https://zalo.me/chinhquyensobacninh"))).contains("zalo");
      assertThat(g.platformOf(URI.create("http://127.0.0.1:8123/watch?v=dQ7vN2kLm0A"))).contains("youtube");
      assertThat(g.platformOf(URI.create("https://www.youtube.com/watch?v=dQ7vN2kLm0A")))
          .as("youtube.com is no longer the configured YouTube origin").isEmpty();
      assertThat(g.platformOf(URI.create("http://127.0.0.1:8124/watch"))).as("another port").isEmpty();
      assertThat(g.platformOf(URI.create("https://bacninh.gov.vn/tin-tuc"))).isEmpty();
      assertThat(g.platformOf(URI.create("https://notfacebook.com/x"))).isEmpty();
      assertThat(g.gap("facebook")).contains(Duration.ofSeconds(20));
      assertThat(g.gap("youtube")).contains(Duration.ofSeconds(5));
    }
  }

  @Test
  void loadsOfOnePlatformRunOneAtATimeWithTheGapRandomisedWithinThirtyPercent() throws Exception {
    MovingClock clock = new MovingClock();
    List<Duration> slept = new CopyOnWriteArrayList<>();
    Sleeper sleeper = d -> {
      slept.add(d);
      clock.now = clock.now.plus(d);
    };
    for (double random : new double[] {0.0, 1.0}) {
      slept.clear();
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      try (PageGate g = gate(Map.of(), sleeper, clock, random)) {
        List<CompletableFuture<Integer>> loads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int n = i;
          loads.add(g.through(URI.create("https://www.facebook.com/page" + n), () -> CompletableFuture.supplyAsync(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            clock.now = clock.now.plusSeconds(3);
            running.decrementAndGet();
            return n;
          })));
        }
        for (int i = 0; i < 4; i++) {
          assertThat(loads.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i);
        }
      }
      assertThat(most.get()).as("one Facebook page load at a time").isEqualTo(1);
      Duration expected = Duration.ofMillis(Math.round(20_000 * (0.7 + 0.6 * random)));
      assertThat(slept).as("no wait before the first load, then the gap after each").hasSize(3)
          .allSatisfy(d -> assertThat(d).isEqualTo(expected));
    }
  }

  @Test
  void aClockThatDoesNotMoveWaitsTheGapOnceInsteadOfForEver() throws Exception {
    // Harvests run with a fixed clock in tests (and a clock may be stepped back): the gap is counted on the
    // monotonic timer once measured, so the second load starts after about one gap.
    Clock fixed = Clock.fixed(Instant.parse("2026-11-20T01:00:00Z"), ZoneOffset.UTC);
    try (PageGate g = gate(Map.of("platforms.zalo.pageGapSeconds", "1"), Sleeper.REAL, fixed, 0.5)) {
      long start = System.nanoTime();
      for (String u : List.of("https://zalo.me/1", "https://zalo.me/2", "https://zalo.me/3")) {
        assertThat(g.through(URI.create(u), () -> CompletableFuture.completedFuture(u)).get(30, TimeUnit.SECONDS))
            .isEqualTo(u);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(25));
    }
  }

  @Test
  void otherPagesAndZeroGapsDoNotWait() throws Exception {
    List<Duration> slept = new CopyOnWriteArrayList<>();
    try (PageGate g = gate(Map.of("platforms.zalo.pageGapSeconds", "0"), slept::add, Clock.systemUTC(), 0.5)) {
      for (String u : List.of("https://bacninh.gov.vn/a", "https://bacninh.gov.vn/b", "https://zalo.me/1",
          "https://zalo.me/2")) {
        assertThat(g.through(URI.create(u), () -> CompletableFuture.completedFuture(u)).get(30, TimeUnit.SECONDS))
            .isEqualTo(u);
      }
    }
    assertThat(slept).isEmpty();
  }

  @Test
  void aNegativeGapIsRefusedNamingItsSetting() {
    assertThatThrownBy(() -> gate(Map.of("platforms.facebook.pageGapSeconds", "-5"), d -> { }, Clock.systemUTC(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platforms.facebook.pageGapSeconds: expected a number of seconds >= 0 but was -5");
  }
}
