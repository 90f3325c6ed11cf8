package vn.minhchung.harvester.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.schedule.alert.AlertTexts;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.credential.SecretKeyException;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;

/**
 * The account linked to a channel, opened with the installation's key. An account the platform rejected, revoked
 * or let expire is not used at all (no API call) until someone reconnects it; the run fails with a message naming
 * the unit to ask. The outcome of each run shows on the account as last use, last success and last error.
 */
public final class DatabaseChannelAccess implements ChannelAccess {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseChannelAccess.class);

  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  public DatabaseChannelAccess(Database db, SecretBox box, Clock clock) {
    this.db = db;
    this.box = box;
    this.clock = clock;
  }

  @Override
  public Optional<Access> forChannel(ChannelSpec channel) throws ConnectorException {
    Instant now = clock.instant();
    record Found(PlatformAccount account, String unitName) {}
    Optional<Found> found = db.inTransaction(s -> Accounts.linkedTo(s, channel.id()).map(a -> {
      Channel c = s.get(Channel.class, channel.id());
      return new Found(a, c == null ? channel.unitCode() : c.getUnit().getName());
    }));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PlatformAccount a = found.get().account();
    if (!a.usable(now)) {
      throw new ConnectorException(Kind.AUTH, channel.code() + ": " + unusable(a) + "; không gọi API cho đến khi"
          + " kết nối lại. Cần " + found.get().unitName() + " kết nối lại tài khoản (trang Tài khoản kết nối, hoặc lệnh"
          + " 'credentials set " + channel.code() + "')");
    }
    try {
      return Optional.of(new Access(a.getId(), a.getPlatform(), a.getAccount(), a.secrets(box)));
    } catch (SecretKeyException e) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": " + e.getMessage());
    }
  }

  @Override
  public void succeeded(Access access) {
    update(access, a -> a.markSuccess(clock.instant()));
  }

  @Override
  public void used(Access access) {
    update(access, a -> a.markUsed(clock.instant()));
  }

  @Override
  public void rejected(Access access, boolean revoked, String message) {
    LOG.warn("account {}/{} {} by the platform; its channels stop until reconnected", access.platform(),
        access.account(), revoked ? "revoked" : "rejected");
    update(access, a -> a.reject(revoked ? PlatformAccount.Status.REVOKED : PlatformAccount.Status.REJECTED, message,
        clock.instant()));
  }

  private void update(Access access, Consumer<PlatformAccount> change) {
    db.runInTransaction(s -> {
      PlatformAccount a = s.get(PlatformAccount.class, access.accountId());
      if (a != null) {
        change.accept(a);
      }
    });
  }

  private static String unusable(PlatformAccount a) {
    String who = "tài khoản " + label(a);
    return switch (a.getStoredStatus()) {
      case REVOKED -> who + " " + REVOKED_MARK + since(a);
      case REJECTED -> who + " bị nền tảng từ chối" + since(a);
      default -> who + " đã hết hạn lúc " + AlertTexts.dateTime(a.getExpiresAt());
    };
  }

  private static String since(PlatformAccount a) {
    return (a.getLastUsedAt() == null ? "" : " lúc " + AlertTexts.dateTime(a.getLastUsedAt()))
        + (a.getLastError() == null ? "" : " (" + AlertTexts.shortError(a.getLastError()) + ")");
  }

  static String label(PlatformAccount a) {
    String platform = switch (a.getPlatform()) {
      case "facebook" -> "Facebook";
      case "zalo" -> "Zalo OA";
      case "youtube" -> "YouTube";
      default -> a.getPlatform();
    };
    return platform + " " + (a.getDisplayName() == null ? a.getAccount() : a.getDisplayName() + " (" + a.getAccount()
        + ")");
  }
}
