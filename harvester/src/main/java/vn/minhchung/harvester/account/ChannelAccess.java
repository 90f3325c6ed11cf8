package vn.minhchung.harvester.account;

import java.util.Optional;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.credential.AccountSecrets;

/**
 * The credential a harvest of one channel uses, and where its outcome is recorded. {@link DatabaseChannelAccess}
 * is the real one: the account linked to the channel, opened with the installation's key.
 */
public interface ChannelAccess {

  /**
   * How a platform channel is read: option {@code via}, default {@code auto}. {@code BROWSER} reads the public
   * pages and never uses an account; {@code AUTO} falls back to them when the channel has no usable account.
   */
  enum Via {
    API, AUTO, BROWSER, FEED;

    public static Via of(ChannelSpec channel) {
      return switch (channel.option("via").orElse("auto")) {
        case "api" -> API;
        case "browser" -> BROWSER;
        case "feed" -> FEED;
        default -> AUTO;
      };
    }
  }

  /** A usable credential of one account. {@link #toString()} masks the secrets. */
  record Access(long accountId, String platform, String account, AccountSecrets secrets) {
    @Override
    public String toString() {
      return "Access[" + platform + "/" + account + ", secrets masked]";
    }
  }

  /** How messages say that a grant was withdrawn (the platform's answer, or an account already marked revoked). */
  String REVOKED_MARK = "đã bị thu hồi";

  /**
   * The credential of the account linked to the channel, or empty when none is linked.
   * @throws ConnectorException AUTH when the account may not be used (rejected, revoked, expired), CONFIG when
   *     its secrets do not open with the current key
   */
  Optional<Access> forChannel(ChannelSpec channel) throws ConnectorException;

  /** Records a successful harvest with the account. */
  void succeeded(Access access);

  /** Records that the platform used the credential but the run failed for another reason. */
  void used(Access access);

  /**
   * Records that the platform refused the credential: the account's channels make no API call until it is
   * reconnected. {@code revoked} when the grant was withdrawn (app removed, password changed), else rejected.
   */
  void rejected(Access access, boolean revoked, String message);

  /**
   * Runs {@code work} with the credential and records its outcome on the account: success, or a rejection
   * when the platform refused the credential (failure kind AUTH).
   */
  default void using(Access access, Work work) throws ConnectorException {
    try {
      work.run(access);
    } catch (ConnectorException e) {
      if (e.kind() == ConnectorException.Kind.AUTH) {
        rejected(access, e.isRevoked(), e.getMessage());
      } else {
        used(access);
      }
      throw e;
    }
    succeeded(access);
  }

  /** A harvest step that uses a credential. */
  @FunctionalInterface
  interface Work {
    void run(Access access) throws ConnectorException;
  }
}
