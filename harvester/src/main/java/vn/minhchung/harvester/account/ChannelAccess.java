package vn.minhchung.harvester.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.schedule.alert.AlertTexts;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.credential.SecretKeyException;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;

/**
 * The credential a harvest of one channel uses: the account linked to the channel, opened with the installation's
 * key. An account the platform rejected, revoked or let expire is not used at all (no API call) until someone
 * reconnects it; the run fails with a message naming the unit to ask. Connectors report the outcome back so the
 * account shows its last use, last success and last error.
 */
public final class ChannelAccess {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelAccess.class);

  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  public ChannelAccess(Database db, SecretBox box, Clock clock) {
    this.db = db;
    this.box = box;
    this.clock = clock;
  }

  /** How a platform channel is read: option {@code via}, default {@code auto}. */
  public enum Via {
    API, AUTO, FEED;

    public static Via of(ChannelSpec channel) {
      return switch (channel.option("via").orElse("auto")) {
        case "api" -> API;
        case "feed" -> FEED;
        default -> AUTO;
      };
    }
  }

  /** A usable credential of one account. {@link #toString()} masks the secrets. */
  public record Access(long accountId, String platform, String account, AccountSecrets secrets) {
    @Override
    public String toString() {
      return "Access[" + platform + "/" + account + ", secrets masked]";
    }
  }

  public SecretBox box() {
    return box;
  }

  /**
   * The credential of the account linked to the channel, or empty when none is linked.
   * @throws ConnectorException AUTH when the account may not be used (rejected, revoked, expired), CONFIG when
   *     its secrets do not open with the current key
   */
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
      throw new ConnectorException(Kind.AUTH, channel.code() + ": " + unusable(a, now) + "; không gọi API cho đến khi"
          + " kết nối lại. Cần " + found.get().unitName() + " kết nối lại tài khoản (trang Tài khoản kết nối, hoặc lệnh"
          + " 'credentials set " + channel.code() + "')");
    }
    try {
      return Optional.of(new Access(a.getId(), a.getPlatform(), a.getAccount(), a.secrets(box)));
    } catch (SecretKeyException e) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": " + e.getMessage());
    }
  }

  /** Records a successful harvest with the account. */
  public void succeeded(Access access) {
    update(access, a -> a.markSuccess(clock.instant()));
  }

  /**
   * Records that the platform refused the credential: the account's channels make no API call until it is
   * reconnected. {@code revoked} when the grant was withdrawn (app removed, password changed), else rejected.
   */
  public void rejected(Access access, boolean revoked, String message) {
    LOG.warn("account {}/{} {} by the platform; its channels stop until reconnected", access.platform(),
        access.account(), revoked ? "revoked" : "rejected");
    update(access, a -> a.reject(revoked ? PlatformAccount.Status.REVOKED : PlatformAccount.Status.REJECTED, message,
        clock.instant()));
  }

  /**
   * Runs {@code work} with the credential and records its outcome on the account: success, or a rejection
   * when the platform refused the credential (failure kind AUTH).
   */
  public void using(Access access, Work work) throws ConnectorException {
    try {
      work.run(access);
    } catch (ConnectorException e) {
      if (e.kind() == Kind.AUTH) {
        rejected(access, e.getMessage() != null && e.getMessage().contains(REVOKED_MARK), e.getMessage());
      } else {
        update(access, a -> a.markUsed(clock.instant()));
      }
      throw e;
    }
    succeeded(access);
  }

  /** The words connectors put in an AUTH message when the platform says the grant was withdrawn. */
  public static final String REVOKED_MARK = "đã bị thu hồi";

  /** A harvest step that uses a credential. */
  @FunctionalInterface
  public interface Work {
    void run(Access access) throws ConnectorException;
  }

  /** The channel's credential when one is linked, else the platform-wide one from the settings, else empty. */
  public Optional<String> tokenOrSetting(ChannelSpec channel, Settings settings, String settingKey)
      throws ConnectorException {
    Optional<Access> a = forChannel(channel);
    return a.isPresent() ? Optional.of(a.get().secrets().accessToken()) : settings.get(settingKey);
  }

  private void update(Access access, java.util.function.Consumer<PlatformAccount> change) {
    db.runInTransaction(s -> {
      PlatformAccount a = s.get(PlatformAccount.class, access.accountId());
      if (a != null) {
        change.accept(a);
      }
    });
  }

  private static String unusable(PlatformAccount a, Instant now) {
    String who = "tài khoản " + label(a);
    return switch (a.getStoredStatus()) {
      case REVOKED -> who + " đã bị thu hồi quyền" + since(a);
      case REJECTED -> who + " bị nền tảng từ chối" + since(a);
      default -> who + " đã hết hạn lúc " + AlertTexts.dateTime(a.getExpiresAt());
    };
  }

  private static String since(PlatformAccount a) {
    return (a.getLastUsedAt() == null ? "" : " lúc " + AlertTexts.dateTime(
        a.getLastUsedAt())) + (a.getLastError() == null ? "" : " (" + AlertTexts.shortError(a.getLastError()) + ")");
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
