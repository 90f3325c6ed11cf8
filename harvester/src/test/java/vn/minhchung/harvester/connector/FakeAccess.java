package vn.minhchung.harvester.connector;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.storage.credential.AccountSecrets;

/** Accounts for connector tests without a database: none linked, or one token for every channel; records outcomes. */
public final class FakeAccess implements ChannelAccess {
  private final Optional<Access> access;
  public final List<String> outcomes = new CopyOnWriteArrayList<>();

  private FakeAccess(Optional<Access> access) {
    this.access = access;
  }

  /** No channel has an account: connectors fall back to the settings. */
  public static FakeAccess none() {
    return new FakeAccess(Optional.empty());
  }

  /** Every channel is linked to one account with this token. */
  public static FakeAccess linked(String platform, String account, String token) {
    return new FakeAccess(Optional.of(new Access(1, platform, account, new AccountSecrets(token, null))));
  }

  @Override
  public Optional<Access> forChannel(ChannelSpec channel) {
    return access;
  }

  @Override
  public void succeeded(Access a) {
    outcomes.add("success");
  }

  @Override
  public void used(Access a) {
    outcomes.add("used");
  }

  @Override
  public void rejected(Access a, boolean revoked, String message) {
    outcomes.add(revoked ? "revoked" : "rejected");
  }
}
