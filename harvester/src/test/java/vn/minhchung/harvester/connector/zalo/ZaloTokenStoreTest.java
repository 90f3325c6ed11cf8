package vn.minhchung.harvester.connector.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.minhchung.harvester.connector.ConnectorTestSupport.CLOCK;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.account.AccountFixtures;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

class ZaloTokenStoreTest {
  @TempDir Path dir;

  SecretBox box() {
    return SecretBox.fromKeyFile(dir.resolve("secret.key"));
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void storesTheSettingsPairOnFirstUseAndReturnsTheStoredPairAfterwards(DatabaseTarget t) {
    try (Database db = TestDatabases.open(t)) {
      ZaloTokenStore store = new ZaloTokenStore(db, box(), CLOCK);
      long a = AccountFixtures.channel(db, "ZL-A", ChannelKind.ZALO_OA, "https://zalo.me/oa1", "oa1").id();
      long b = AccountFixtures.channel(db, "ZL-B", ChannelKind.ZALO_OA, "https://zalo.me/oa1", "oa1").id();
      assertThat(store.seed(a, "oa1", new ZaloTokens("a1", "r1"))).isEqualTo(new ZaloTokens("a1", "r1"));
      assertThat(store.seed(b, "oa1", new ZaloTokens("a-settings", "r-settings")))
          .isEqualTo(new ZaloTokens("a1", "r1"));
      List<String> linked = db.inTransaction(s -> Accounts.list(s).stream().map(l -> l.channel().getCode()).toList());
      assertThat(linked).containsExactly("ZL-A", "ZL-B");
    } finally {
      TestDatabases.drop(t);
    }
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void concurrentRefreshesSpendTheRefreshTokenOnce(DatabaseTarget t) throws Exception {
    try (Database db = TestDatabases.open(t)) {
      ZaloTokenStore store = new ZaloTokenStore(db, box(), CLOCK);
      long a = AccountFixtures.channel(db, "ZL-A", ChannelKind.ZALO_OA, "https://zalo.me/oa1", "oa1").id();
      ZaloTokens used = store.seed(a, "oa1", new ZaloTokens("a1", "r1"));
      AtomicInteger calls = new AtomicInteger();
      List<String> spent = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<ZaloTokens>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return store.refresh("oa1", used, refreshToken -> {
              synchronized (spent) {
                spent.add(refreshToken);
              }
              int n = calls.incrementAndGet();
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new ZaloParser.Grant(new ZaloTokens("a" + (n + 1), "r" + (n + 1)), 90_000L);
            });
          }));
        }
        start.countDown();
        assertThat(results.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(new ZaloTokens("a2", "r2"));
        assertThat(results.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(new ZaloTokens("a2", "r2"));
      } finally {
        pool.shutdownNow();
      }
      assertThat(calls).hasValue(1);
      assertThat(spent).containsExactly("r1");
      ZaloTokens now = db.inTransaction(s -> ZaloTokenStore.tokens(Accounts.find(s, "zalo", "oa1",
          jakarta.persistence.LockModeType.NONE).orElseThrow().secrets(box())));
      assertThat(now).isEqualTo(new ZaloTokens("a2", "r2"));
    } finally {
      TestDatabases.drop(t);
    }
  }

  @org.junit.jupiter.api.Test
  void tokensNeverShowInToString() {
    assertThat(new ZaloTokens("secret-access", "secret-refresh").toString()).isEqualTo("ZaloTokens[****]");
  }
}
