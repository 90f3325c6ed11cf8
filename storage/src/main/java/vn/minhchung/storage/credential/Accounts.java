package vn.minhchung.storage.credential;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;

/** Storing, linking and finding platform accounts inside the caller's transaction. */
public final class Accounts {
  private Accounts() {}

  /** What one stored credential is: its platform, account id, kind, secrets, expiry and description. */
  public record Grant(String platform, String account, String tokenKind, AccountSecrets secrets, Instant expiresAt,
      String displayName, String scopes) {
    @Override
    public String toString() {
      return "Grant[" + platform + "/" + account + ", secrets masked]";
    }
  }

  /** A channel and the account linked to it. */
  public record Linked(Channel channel, PlatformAccount account) {}

  /** The platform whose accounts serve a channel kind, or empty for kinds without accounts. */
  public static Optional<String> platformOf(ChannelKind kind) {
    return switch (kind) {
      case FACEBOOK_PAGE -> Optional.of("facebook");
      case ZALO_OA -> Optional.of("zalo");
      case YOUTUBE_CHANNEL -> Optional.of("youtube");
      default -> Optional.empty();
    };
  }

  /** The account that serves the channel, if one is linked. */
  public static Optional<PlatformAccount> linkedTo(Session s, long channelId) {
    return s.createSelectionQuery("select a from ChannelAccount l join l.account a where l.channelId = :id",
        PlatformAccount.class).setParameter("id", channelId).uniqueResultOptional();
  }

  public static Optional<PlatformAccount> find(Session s, String platform, String account, LockModeType lock) {
    return s.createSelectionQuery("from PlatformAccount where platform = :p and account = :a", PlatformAccount.class)
        .setParameter("p", platform).setParameter("a", account).setLockMode(lock).uniqueResultOptional();
  }

  /**
   * Creates or replaces the credential of the grant's account (sealed with {@code box}) and links each channel
   * to it. A channel linked to another account before is moved; that account is kept while other channels use it.
   */
  public static PlatformAccount store(Session s, SecretBox box, Grant grant, List<Long> channelIds, Instant now) {
    PlatformAccount a = find(s, grant.platform(), grant.account(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (a == null) {
      a = new PlatformAccount(grant.platform(), grant.account(), grant.tokenKind(), now);
      a.replaceSecrets(box, grant.secrets(), grant.expiresAt(), now);
      s.persist(a);
    } else {
      a.setTokenKind(grant.tokenKind());
      a.replaceSecrets(box, grant.secrets(), grant.expiresAt(), now);
    }
    a.describe(grant.displayName(), grant.scopes());
    for (long channelId : channelIds) {
      link(s, channelId, a, now);
    }
    return a;
  }

  /** Links one channel to an account, moving it from its previous account (deleted when no channel is left). */
  public static void link(Session s, long channelId, PlatformAccount account, Instant now) {
    ChannelAccount link = s.get(ChannelAccount.class, channelId);
    if (link == null) {
      s.persist(new ChannelAccount(channelId, account, now));
      return;
    }
    PlatformAccount previous = link.getAccount();
    if (previous.getId().equals(account.getId())) {
      return;
    }
    link.relink(account, now);
    s.flush();
    deleteIfUnused(s, previous);
  }

  /**
   * Removes the channel's link; the account itself (and its secrets) is deleted once no channel uses it.
   * Returns the account that was linked, if any.
   */
  public static Optional<PlatformAccount> unlink(Session s, long channelId) {
    ChannelAccount link = s.get(ChannelAccount.class, channelId);
    if (link == null) {
      return Optional.empty();
    }
    PlatformAccount a = link.getAccount();
    s.remove(link);
    s.flush();
    deleteIfUnused(s, a);
    return Optional.of(a);
  }

  /** The channel codes an account serves, in code order. */
  public static List<Channel> channelsOf(Session s, PlatformAccount account) {
    return s.createSelectionQuery("select c from ChannelAccount l, Channel c join fetch c.unit where c.id = l.channelId"
        + " and l.account = :a order by c.code", Channel.class).setParameter("a", account).getResultList();
  }

  /** Every linked channel with its account, by channel code. */
  public static List<Linked> list(Session s) {
    return s.createSelectionQuery("select c, a from ChannelAccount l join l.account a, Channel c join fetch c.unit"
            + " where c.id = l.channelId order by c.code", Object[].class).getResultList().stream()
        .map(r -> new Linked((Channel) r[0], (PlatformAccount) r[1])).toList();
  }

  /**
   * Seals the rows an earlier version stored in plaintext; run at every start, a no-op once done. Returns how many
   * rows it sealed.
   */
  public static int sealLegacy(Database db, java.util.function.Supplier<SecretBox> box, Instant now) {
    return db.inTransaction(s -> {
      List<PlatformAccount> plain = s.createSelectionQuery("from PlatformAccount where sealedSecrets not like 'v1:%'",
          PlatformAccount.class).getResultList();
      if (!plain.isEmpty()) {
        SecretBox b = box.get();
        plain.forEach(a -> a.sealLegacy(b, now));
      }
      return plain.size();
    });
  }

  private static void deleteIfUnused(Session s, PlatformAccount a) {
    long users = s.createSelectionQuery("select count(l) from ChannelAccount l where l.account = :a", Long.class)
        .setParameter("a", a).getSingleResult();
    if (users == 0) {
      s.remove(a);
    }
  }
}
