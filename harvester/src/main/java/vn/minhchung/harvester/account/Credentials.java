package vn.minhchung.harvester.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.NoSuchChannelException;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.Channel;

/**
 * Setting, listing and removing the account of a channel. A token is checked once with the platform (Graph
 * {@code /me}, Zalo {@code getoa}, one YouTube {@code channels.list} unit) and must belong to the channel's Page,
 * OA or channel before it is sealed and stored. Listings show a mask, never a token. Every change is an audit event
 * without secrets.
 */
public final class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A Zalo access token without a refresh token lasts about 25 hours. */
  static final Duration ZALO_ACCESS_LIFETIME = Duration.ofHours(25);

  private final Database db;
  private final SecretBox box;
  private final Clock clock;
  private final Settings settings;
  private final FacebookConnector facebook;
  private final ZaloConnector zalo;
  private final YouTubeConnector youtube;

  public Credentials(Database db, SecretBox box, Clock clock, Settings settings, FacebookConnector facebook,
      ZaloConnector zalo, YouTubeConnector youtube) {
    this.db = db;
    this.box = box;
    this.clock = clock;
    this.settings = settings;
    this.facebook = facebook;
    this.zalo = zalo;
    this.youtube = youtube;
  }

  /** One channel's account as people may see it: a mask instead of the token. */
  public record Row(String channel, String channelName, String unit, String platform, String account, String name,
      String tokenKind, String status, Instant expiresAt, Instant lastUsedAt, Instant lastSuccessAt, String lastError,
      String masked) {}

  /**
   * Checks {@code secrets} with the platform and stores them as the account of the channel.
   * @throws NoSuchChannelException for an unknown code
   * @throws IllegalArgumentException for a channel kind without accounts, or a refresh token where none is used
   * @throws ConnectorException when the platform refuses the token, it belongs to another Page/OA, or the platform
   *     cannot be reached
   */
  public Row set(String channelCode, AccountSecrets secrets, Optional<Instant> expiresAt, String actor)
      throws ConnectorException {
    ChannelSpec spec = spec(channelCode);
    String platform = Accounts.platformOf(spec.kind()).orElseThrow(() -> new IllegalArgumentException(channelCode + " là kênh "
        + spec.kind().code() + ": chỉ kênh facebook_page, zalo_oa, youtube_channel có tài khoản nền tảng"));
    if (secrets.refresh().isPresent() && !platform.equals("zalo")) {
      throw new IllegalArgumentException(channelCode + ": chỉ Zalo OA dùng refresh token; bỏ --refresh-token-stdin");
    }
    AccountIdentity who = identify(spec, platform, secrets.accessToken());
    Instant now = clock.instant();
    Instant expires = expiresAt.orElse(platform.equals("zalo")
        ? now.plus(secrets.refresh().isPresent() ? ZaloTokenStore.REFRESH_LIFETIME : ZALO_ACCESS_LIFETIME) : null);
    String kind = switch (platform) {
      case "facebook" -> "page_token";
      case "zalo" -> "oa_token";
      default -> "api_key";
    };
    store(new Accounts.Grant(platform, who.account(), kind, secrets, expires, who.name(), null), List.of(spec.id()),
        actor);
    Duration warn = Duration.ofDays(settings.integer("alerts.accountExpiryDays"));
    return db.inTransaction(s -> {
      Channel c = channel(s, channelCode);
      return row(c, Accounts.linkedTo(s, c.getId()).orElseThrow(), clock.instant(), warn);
    });
  }

  /** Whom the platform says the token belongs to; it must be the channel's Page, OA or YouTube channel. */
  AccountIdentity identify(ChannelSpec spec, String platform, String token) throws ConnectorException {
    return switch (platform) {
      case "facebook" -> facebook.identify(spec, token, settings, clock);
      case "zalo" -> zalo.identify(spec, token, settings, clock);
      default -> youtube.identify(spec, token, settings, clock);
    };
  }

  /** The registered channels of a kind, as connectors see them. */
  List<ChannelSpec> channels(ChannelKind kind) throws ConnectorException {
    List<Channel> rows = db.inTransaction(s -> s.createSelectionQuery("from Channel c join fetch c.unit"
        + " where c.kind = :k order by c.code", Channel.class).setParameter("k", kind.code()).getResultList());
    List<ChannelSpec> out = new java.util.ArrayList<>();
    for (Channel c : rows) {
      out.add(HarvestRunService.spec(c));
    }
    return out;
  }

  /** Stores a verified grant for the channels (the OAuth flows call this) with one audit event per channel. */
  public void store(Accounts.Grant grant, List<Long> channelIds, String actor) {
    Instant now = clock.instant();
    db.runInTransaction(s -> {
      PlatformAccount a = Accounts.store(s, box, grant, channelIds, now);
      for (long id : channelIds) {
        Channel c = s.get(Channel.class, id);
        AuditLog.append(s, now, actor, "account.connect", "channel", c.getCode(), null, describe(a).toString());
      }
    });
  }

  /** Every channel that has an account, by channel code. */
  public List<Row> list() {
    Instant now = clock.instant();
    Duration warn = Duration.ofDays(settings.integer("alerts.accountExpiryDays"));
    return db.inTransaction(s -> Accounts.list(s).stream().map(l -> row(l.channel(), l.account(), now, warn)).toList());
  }

  /** Unlinks the channel's account (deleted with its secrets once no channel uses it); empty when it had none. */
  public Optional<Row> remove(String channelCode, String actor) {
    Instant now = clock.instant();
    Duration warn = Duration.ofDays(settings.integer("alerts.accountExpiryDays"));
    return db.inTransaction(s -> {
      Channel c = channel(s, channelCode);
      Optional<PlatformAccount> linked = Accounts.linkedTo(s, c.getId());
      if (linked.isEmpty()) {
        return Optional.empty();
      }
      Row before = row(c, linked.get(), now, warn);
      String json = describe(linked.get()).toString();
      Accounts.unlink(s, c.getId());
      AuditLog.append(s, now, actor, "account.remove", "channel", channelCode, json, null);
      return Optional.of(before);
    });
  }

  static Row row(Channel c, PlatformAccount a, Instant now, Duration warn) {
    return new Row(c.getCode(), c.getName(), c.getUnit().getName(), a.getPlatform(), a.getAccount(),
        a.getDisplayName(), a.getTokenKind(), a.status(now, warn).code(), a.getExpiresAt(), a.getLastUsedAt(),
        a.getLastSuccessAt(), a.getLastError(), a.getMasked());
  }

  private static ObjectNode describe(PlatformAccount a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("platform", a.getPlatform());
    n.put("account", a.getAccount());
    n.put("name", a.getDisplayName());
    n.put("tokenKind", a.getTokenKind());
    n.put("masked", a.getMasked());
    n.put("expiresAt", a.getExpiresAt() == null ? null : a.getExpiresAt().toString());
    return n;
  }

  ChannelSpec spec(String code) throws ConnectorException {
    Channel c = db.inTransaction(s -> channel(s, code));
    return HarvestRunService.spec(c);
  }

  private static Channel channel(Session s, String code) {
    Channel c = s.createSelectionQuery("from Channel c join fetch c.unit where c.code = :code", Channel.class)
        .setParameter("code", code).uniqueResult();
    if (c == null) {
      throw new NoSuchChannelException(code);
    }
    return c;
  }
}
