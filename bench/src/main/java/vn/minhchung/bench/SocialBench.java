package vn.minhchung.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.account.DatabaseChannelAccess;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.spec.DurationTargets;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * Harvests N channels × P posts per platform against a local mock server and prints wall time and requests
 * made versus the minimum (Graph: one page of 100 per 100 posts; YouTube: one playlist page and one videos call
 * per 50 videos; Zalo: one slice per 10 articles plus one for the empty video list).
 * Usage: {@code SocialBench [channels=500] [posts=100] [threads=8]}.
 */
public final class SocialBench {
  private SocialBench() {}

  public static void main(String[] args) throws Exception {
    int channels = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int posts = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    Path dir = Files.createTempDirectory("social-bench");
    DatabaseTarget dbTarget = TestDatabases.h2();
    try (MockPlatforms mock = new MockPlatforms(posts, now); Database db = TestDatabases.open(dbTarget)) {
      Settings settings = Settings.of(dir, Map.of(
          "platforms.facebook.graphBaseUrl", mock.base() + "/fb", "platforms.facebook.accessToken", "bench-token",
          "platforms.zalo.apiBaseUrl", mock.base() + "/zalo", "platforms.zalo.oauthBaseUrl", mock.base() + "/zalo",
          "platforms.youtube.apiBaseUrl", mock.base() + "/yt", "platforms.youtube.apiKey", "bench-key",
          "harvest.windowDays", "30"));
      HttpFetcher fetcher = new HttpFetcher(settings, Sleeper.REAL, clock);
      SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
      // Facebook and YouTube use the platform-wide token and key; each Zalo OA has its own account, as in production.
      DatabaseChannelAccess access = new DatabaseChannelAccess(db, box, clock);
      long[] zaloIds = zaloAccounts(db, box, channels, now);
      System.out.printf(Locale.ROOT, "SocialBench: %d channels × %d posts per platform, %d threads%n", channels,
          posts, threads);
      System.out.printf(Locale.ROOT, "%-9s %9s %9s %9s %9s %10s %9s%n", "platform", "posts", "requests", "minimum",
          "overhead", "wall ms", "posts/s");
      run("facebook", channels, threads, posts, mock.facebook, channels * ceil(posts, 100),
          new FacebookConnector(fetcher, new FacebookThrottle(Sleeper.REAL, clock, Duration.ofSeconds(20)), access),
          i -> spec(i, ChannelKind.FACEBOOK_PAGE, "https://www.facebook.com/page" + i, "10000" + i), settings, clock);
      run("youtube", channels, threads, posts, mock.youtube, channels * 2 * ceil(posts, 50),
          new YouTubeConnector(fetcher, new PoliteFetcher(fetcher, settings, Sleeper.REAL, clock),
              new YouTubeQuota.InMemory(), DurationTargets.NONE, access),
          i -> spec(i, ChannelKind.YOUTUBE_CHANNEL, "https://www.youtube.com/channel/" + uc(i), uc(i)), settings,
          clock);
      run("zalo", channels, threads, posts, mock.zalo, channels * (ceil(posts, 10) + 1),
          new ZaloConnector(fetcher, new ZaloTokenStore(db, box, clock), access),
          i -> new ChannelSpec(zaloIds[i], "zalo_oa-" + i, "BENCH", ChannelKind.ZALO_OA, "Kênh " + i,
              "https://zalo.me/oa" + i, Optional.of("oa" + i), Map.of()), settings, clock);
    } finally {
      TestDatabases.drop(dbTarget);
    }
  }

  private static void run(String name, int channels, int threads, int posts, AtomicInteger requests, int minimum,
      Connector connector, IntFunction<ChannelSpec> specs, Settings settings, Clock clock) throws Exception {
    requests.set(0);
    Instant windowStart = clock.instant().minus(Duration.ofDays(settings.integer("harvest.windowDays")));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> results = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < channels; i++) {
      ChannelSpec spec = specs.apply(i);
      results.add(pool.submit(() -> {
        RecordingContext ctx = new RecordingContext(clock, settings, windowStart, List.of());
        connector.harvest(spec, ctx);
        return ctx.accepted.size();
      }));
    }
    long harvested = 0;
    for (Future<Integer> f : results) {
      harvested += f.get();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    pool.shutdown();
    if (harvested != (long) channels * posts) {
      throw new IllegalStateException(name + ": harvested " + harvested + " posts, expected " + channels * posts);
    }
    System.out.printf(Locale.ROOT, "%-9s %9d %9d %9d %8.1f%% %10d %9.0f%n", name, harvested, requests.get(), minimum,
        100.0 * (requests.get() - minimum) / minimum, ms, harvested * 1000.0 / Math.max(1, ms));
  }

  /** One registered Zalo channel per OA, each linked to its own sealed account. */
  private static long[] zaloAccounts(Database db, SecretBox box, int channels, Instant now) {
    return db.inTransaction(s -> {
      Unit unit = new Unit("BENCH", "Đơn vị đo hiệu năng", now);
      s.persist(unit);
      long[] ids = new long[channels];
      for (int i = 0; i < channels; i++) {
        Channel c = new Channel("zalo_oa-" + i, unit, ChannelKind.ZALO_OA, "Kênh " + i, "https://zalo.me/oa" + i, now);
        c.setPlatformId("oa" + i);
        s.persist(c);
        s.flush();
        ids[i] = c.getId();
        Accounts.store(s, box, new Accounts.Grant("zalo", "oa" + i, "oa_token", new AccountSecrets("bench-token",
            "bench-refresh"), null, null, null), List.of(ids[i]), now);
      }
      return ids;
    });
  }

  private static ChannelSpec spec(int i, ChannelKind kind, String url, String platformId) {
    return new ChannelSpec(i + 1, kind.code() + "-" + i, "BENCH", kind, "Kênh " + i, url, Optional.of(platformId),
        Map.of());
  }

  private static String uc(int i) {
    return "UC" + String.format(Locale.ROOT, "%022d", i);
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }
}
