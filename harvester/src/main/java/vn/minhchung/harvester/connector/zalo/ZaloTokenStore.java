package vn.minhchung.harvester.connector.zalo;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;

/**
 * Keeps each OA's token pair on its platform account, sealed. A refresh happens under a row lock and the new pair
 * is committed before anyone uses it, because Zalo's refresh token works once: a pair lost after a refresh, or two
 * nodes refreshing with the same token, would lock the OA out until staff grant a new one.
 */
public final class ZaloTokenStore {
  static final String PLATFORM = "zalo";
  /** A refresh token lasts about three months from the grant that made it (PLATFORMS.md). */
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

  private final Database database;
  private final SecretBox box;
  private final Clock clock;

  public ZaloTokenStore(Database database, SecretBox box, Clock clock) {
    this.database = database;
    this.box = box;
    this.clock = clock;
  }

  /** A refresh call made while the lock is held; returns the new pair or throws why it failed. */
  @FunctionalInterface
  public interface Refresher {
    ZaloParser.Grant refresh(String refreshToken) throws ConnectorException;
  }

  /**
   * Stores a first pair (from the settings) as the OA's account and links the channel to it, unless the OA already
   * has one; returns the stored pair.
   */
  public ZaloTokens seed(long channelId, String oaId, ZaloTokens initial) {
    return database.inTransaction(s -> {
      Optional<PlatformAccount> row = Accounts.find(s, PLATFORM, oaId, LockModeType.PESSIMISTIC_WRITE);
      if (row.isPresent()) {
        Accounts.link(s, channelId, row.get(), clock.instant());
        return tokens(row.get().secrets(box));
      }
      Instant now = clock.instant();
      Accounts.store(s, box, new Accounts.Grant(PLATFORM, oaId, "oa_token",
          new AccountSecrets(initial.accessToken(), initial.refreshToken()), now.plus(REFRESH_LIFETIME), null, null),
          List.of(channelId), now);
      return initial;
    });
  }

  /**
   * Replaces {@code used} by a fresh pair. If another run already replaced it (the stored access token differs),
   * that newer pair is returned without calling Zalo; otherwise {@code refresher} runs under the row lock and
   * its pair is committed before this method returns.
   */
  public ZaloTokens refresh(String account, ZaloTokens used, Refresher refresher) throws ConnectorException {
    ConnectorException[] failure = new ConnectorException[1];
    ZaloTokens result = database.inTransaction(s -> {
      PlatformAccount row = Accounts.find(s, PLATFORM, account, LockModeType.PESSIMISTIC_WRITE).orElse(null);
      ZaloTokens stored = row == null ? used : tokens(row.secrets(box));
      if (!stored.accessToken().equals(used.accessToken())) {
        return stored;
      }
      if (stored.refreshToken() == null) {
        failure[0] = new ConnectorException(ConnectorException.Kind.AUTH, account
            + ": token Zalo hết hạn và không có refresh token; cần kết nối lại OA (trang Tài khoản kết nối)");
        return null;
      }
      ZaloParser.Grant grant;
      try {
        grant = refresher.refresh(stored.refreshToken());
      } catch (ConnectorException e) {
        failure[0] = e;
        return null;
      }
      Instant now = clock.instant();
      AccountSecrets fresh = new AccountSecrets(grant.tokens().accessToken(), grant.tokens().refreshToken());
      if (row == null) {
        Accounts.store(s, box, new Accounts.Grant(PLATFORM, account, "oa_token", fresh, now.plus(REFRESH_LIFETIME),
            null, null), List.of(), now);
      } else {
        row.replaceSecrets(box, fresh, now.plus(REFRESH_LIFETIME), now);
      }
      return grant.tokens();
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    return result;
  }

  static ZaloTokens tokens(AccountSecrets s) {
    return new ZaloTokens(s.accessToken(), s.refreshToken());
  }
}
