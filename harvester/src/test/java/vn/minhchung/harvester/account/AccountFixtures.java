package vn.minhchung.harvester.account;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** Channels stored for account tests: accounts link to real channel rows. */
public final class AccountFixtures {
  static final Instant REGISTERED = Instant.parse("2026-04-01T01:00:00Z");

  private AccountFixtures() {}

  /** The channel of this code (created with its unit the first time) as a connector sees it. */
  public static ChannelSpec channel(Database db, String code, ChannelKind kind, String url, String platformId) {
    return channel(db, code, "UBND-" + code.toUpperCase(java.util.Locale.ROOT), "Đơn vị của kênh " + code, kind, url,
        platformId);
  }

  public static ChannelSpec channel(Database db, String code, String unitCode, String unitName, ChannelKind kind,
      String url, String platformId) {
    long id = db.inTransaction(s -> {
      Channel c = s.createSelectionQuery("from Channel where code = :c", Channel.class).setParameter("c", code)
          .uniqueResult();
      if (c == null) {
        Unit u = s.createSelectionQuery("from Unit where code = :c", Unit.class).setParameter("c", unitCode)
            .uniqueResult();
        if (u == null) {
          u = new Unit(unitCode, unitName, REGISTERED);
          s.persist(u);
        }
        c = new Channel(code, u, kind, "Kênh " + code, url, REGISTERED);
        c.setPlatformId(platformId);
        s.persist(c);
        s.flush();
      }
      return c.getId();
    });
    return new ChannelSpec(id, code, unitCode, kind, "Kênh " + code, url, Optional.ofNullable(platformId), Map.of());
  }
}
