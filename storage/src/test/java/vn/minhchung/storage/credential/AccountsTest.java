package vn.minhchung.storage.credential;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockModeType;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

@Timeout(60)
class AccountsTest {
  static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
  static final String PAGE_TOKEN = "EAAGpageTokenOfSoKhoaHocCongNghe0001";
  static final String ZALO_ACCESS = "zaloAccessTokenOfOaXaTanHong00001";
  static final String ZALO_REFRESH = "zaloRefreshTokenOfOaXaTanHong0001";

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void storedSecretsAreSealedInTheRowAndOpenForTheHarvester(DatabaseTarget target, @TempDir Path dir)
      throws Exception {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      long[] ids = channels(db, "FB-SKHCN", "FB-STTTT");
      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "1002", "page_token",
          new AccountSecrets(PAGE_TOKEN, null), null, "Sở Khoa học và Công nghệ", "pages_read_engagement"),
          List.of(ids[0], ids[1]), NOW));
      List<String> raw = new ArrayList<>();
      db.runInTransaction(s -> s.doWork(con -> {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("select * from platform_account")) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              raw.add(String.valueOf(rs.getObject(i)));
            }
          }
        }
      }));
      assertThat(String.join("|", raw)).doesNotContain(PAGE_TOKEN).doesNotContain("pageToken").contains("EAAG…001");
      PlatformAccount a = db.inTransaction(s -> Accounts.linkedTo(s, ids[1]).orElseThrow());
      assertThat(a.secrets(box).accessToken()).isEqualTo(PAGE_TOKEN);
      assertThat(a.getDisplayName()).isEqualTo("Sở Khoa học và Công nghệ");
      List<String> linked = db.inTransaction(s -> Accounts.list(s).stream().map(l -> l.channel().getCode()).toList());
      assertThat(linked).containsExactly("FB-SKHCN", "FB-STTTT");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void unlinkingTheLastChannelDeletesTheAccountAndItsSecrets(DatabaseTarget target, @TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      long[] ids = channels(db, "FB-A", "FB-B");
      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "77", "page_token",
          new AccountSecrets(PAGE_TOKEN, null), null, null, null), List.of(ids[0], ids[1]), NOW));
      db.runInTransaction(s -> Accounts.unlink(s, ids[0]));
      java.util.Optional<PlatformAccount> kept = db.inTransaction(s -> Accounts.find(s, "facebook", "77", LockModeType.NONE));
      assertThat(kept).isPresent();
      db.runInTransaction(s -> Accounts.unlink(s, ids[1]));
      java.util.Optional<PlatformAccount> gone = db.inTransaction(s -> Accounts.find(s, "facebook", "77", LockModeType.NONE));
      assertThat(gone).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void plaintextRowsOfEarlierVersionsAreSealedOnStart(DatabaseTarget target, @TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> s.doWork(con -> {
        try (Statement st = con.createStatement()) {
          st.executeUpdate("insert into platform_account (platform, account, secret_json, updated_at, version)"
              + " values ('zalo', '4321', '{\"access_token\":\"" + ZALO_ACCESS + "\",\"refresh_token\":\""
              + ZALO_REFRESH + "\"}', current_timestamp, 0)");
        }
      }));
      assertThat(Accounts.sealLegacy(db, () -> box, NOW)).isEqualTo(1);
      assertThat(Accounts.sealLegacy(db, () -> box, NOW)).isZero();
      String stored = db.inTransaction(s -> (String) s.createNativeQuery(
          "select secret_json from platform_account", String.class).getSingleResult());
      assertThat(stored).startsWith("v1:").doesNotContain(ZALO_ACCESS).doesNotContain(ZALO_REFRESH);
      PlatformAccount a = db.inTransaction(s -> Accounts.find(s, "zalo", "4321", LockModeType.NONE).orElseThrow());
      assertThat(a.secrets(box).refreshToken()).isEqualTo(ZALO_REFRESH);
      assertThat(a.getMasked()).isEqualTo("zalo…001");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aRejectedAccountIsNotUsableUntilReconnectedAndExpiringIsDerived(DatabaseTarget target, @TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      long[] ids = channels(db, "FB-X");
      Instant expires = NOW.plus(Duration.ofDays(5));
      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "88", "user_token",
          new AccountSecrets(PAGE_TOKEN, null), expires, null, null), List.of(ids[0]), NOW));
      PlatformAccount a = db.inTransaction(s -> Accounts.linkedTo(s, ids[0]).orElseThrow());
      assertThat(a.status(NOW, Duration.ofDays(7))).isEqualTo(PlatformAccount.Status.EXPIRING);
      assertThat(a.status(NOW, Duration.ofDays(3))).isEqualTo(PlatformAccount.Status.OK);
      assertThat(a.usable(NOW)).isTrue();
      assertThat(a.usable(expires.plusSeconds(1))).isFalse();
      db.runInTransaction(s -> Accounts.linkedTo(s, ids[0]).orElseThrow()
          .reject(PlatformAccount.Status.REVOKED, "Graph 190/458: ứng dụng đã bị gỡ", NOW));
      PlatformAccount revoked = db.inTransaction(s -> Accounts.linkedTo(s, ids[0]).orElseThrow());
      assertThat(revoked.usable(NOW)).isFalse();
      assertThat(revoked.status(NOW, Duration.ofDays(7))).isEqualTo(PlatformAccount.Status.REVOKED);
      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "88", "page_token",
          new AccountSecrets(PAGE_TOKEN + "2", null), null, null, null), List.of(ids[0]), NOW));
      PlatformAccount again = db.inTransaction(s -> Accounts.linkedTo(s, ids[0]).orElseThrow());
      assertThat(again.usable(NOW)).isTrue();
      assertThat(again.getLastError()).isNull();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aConnectStateWorksOnceInTheSameBrowserWithinTenMinutes(DatabaseTarget target, @TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      ConnectState.Started st = db.inTransaction(s -> ConnectState.start(s, box, "zalo", "ZL-XTH", "quantri", true, NOW));
      assertThat(ConnectState.challenge(st.codeVerifier())).hasSize(43).doesNotContain("=");
      ConnectState.Result other = db.inTransaction(s -> ConnectState.consume(s, box, "zalo", st.state(), "khác", NOW));
      assertThat(other.refusal()).contains(ConnectState.Refusal.OTHER_BROWSER);
      ConnectState.Result replay = db.inTransaction(s -> ConnectState.consume(s, box, "zalo", st.state(), st.binding(), NOW));
      assertThat(replay.refusal()).contains(ConnectState.Refusal.UNKNOWN_OR_USED);

      ConnectState.Started ok = db.inTransaction(s -> ConnectState.start(s, box, "zalo", "ZL-XTH", "quantri", true, NOW));
      ConnectState.Result r = db.inTransaction(s -> ConnectState.consume(s, box, "zalo", ok.state(), ok.binding(),
          NOW.plusSeconds(60)));
      assertThat(r.flow()).hasValueSatisfying(f -> {
        assertThat(f.channelCode()).isEqualTo("ZL-XTH");
        assertThat(f.codeVerifier()).isEqualTo(ok.codeVerifier());
      });

      ConnectState.Started late = db.inTransaction(s -> ConnectState.start(s, box, "facebook", "FB-A", "quantri", false, NOW));
      ConnectState.Result expired = db.inTransaction(s -> ConnectState.consume(s, box, "facebook", late.state(),
          late.binding(), NOW.plus(Duration.ofMinutes(11))));
      assertThat(expired.refusal()).contains(ConnectState.Refusal.EXPIRED);
    } finally {
      TestDatabases.drop(target);
    }
  }

  static long[] channels(Database db, String... codes) {
    return db.inTransaction(s -> {
      Unit u = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
      s.persist(u);
      long[] ids = new long[codes.length];
      for (int i = 0; i < codes.length; i++) {
        Channel c = new Channel(codes[i], u, ChannelKind.FACEBOOK_PAGE, "Trang " + codes[i],
            "https://www.facebook.com/" + codes[i].toLowerCase(java.util.Locale.ROOT), NOW);
        s.persist(c);
        s.flush();
        ids[i] = c.getId();
      }
      return ids;
    });
  }
}
