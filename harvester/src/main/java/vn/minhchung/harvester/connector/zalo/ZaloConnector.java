package vn.minhchung.harvester.connector.zalo;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;

/**
 * Harvests a Zalo OA ({@code zalo_oa}): both article lists ({@code normal} and {@code video}) slice by slice
 * until the window is passed, then details of older stored articles for their counts. A rejected token is
 * refreshed once per run through {@link ZaloTokenStore}. Tokens: the pair of the OA account linked to the channel
 * (connected in the web UI or with {@code credentials set}); without one, the settings' first pair
 * {@code platforms.zalo.accessToken}/{@code refreshToken} when {@code getoa} says it belongs to this channel's OA;
 * without either, {@code via: auto} reads the OA's public profile ({@link ZaloPublicReader}) and {@code via: api}
 * fails "chưa kết nối tài khoản"; {@code via: browser} always reads the public profile.
 */
public final class ZaloConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(ZaloConnector.class);
  /** 1,000 slices = 10,000 articles per type: far beyond any window, and a stop for an API that never ends. */
  static final int MAX_SLICES = 1000;
  private static final List<String> TYPES = List.of("normal", "video");

  private final HttpFetcher fetcher;
  private final ZaloTokenStore store;
  private final ChannelAccess access;
  private final Optional<ZaloPublicReader> publicPage;

  public ZaloConnector(HttpFetcher fetcher, ZaloTokenStore store, ChannelAccess access) {
    this(fetcher, store, access, Optional.empty());
  }

  /** With {@code publicPage}, an OA without any account ({@code via: auto}) is read from its public profile. */
  public ZaloConnector(HttpFetcher fetcher, ZaloTokenStore store, ChannelAccess access,
      Optional<ZaloPublicReader> publicPage) {
    this.fetcher = fetcher;
    this.store = store;
    this.access = access;
    this.publicPage = publicPage;
  }

  @Override
  public Set<ChannelKind> kinds() {
    return Set.of(ChannelKind.ZALO_OA);
  }

  @Override
  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    if (ChannelAccess.Via.of(channel) == ChannelAccess.Via.BROWSER) {
      publicProfile(channel, ctx);
      return;
    }
    Settings s = ctx.settings();
    ZaloClient client = new ZaloClient(fetcher, s.uri("platforms.zalo.apiBaseUrl").orElseThrow(),
        s.uri("platforms.zalo.oauthBaseUrl").orElseThrow());
    Optional<ChannelAccess.Access> account = access.forChannel(channel);
    if (account.isEmpty() && s.get("platforms.zalo.accessToken").isEmpty() && publicPage.isPresent()
        && ChannelAccess.Via.of(channel) != ChannelAccess.Via.API) {
      publicPage.get().harvest(channel, ctx);
      return;
    }
    if (account.isEmpty()) {
      seedFromSettings(channel, ctx, client);
      account = access.forChannel(channel);
    }
    ChannelAccess.Access a = account.orElseThrow();
    ZaloTokens tokens = ZaloTokenStore.tokens(a.secrets());
    access.using(a, used -> harvestWith(new Run(channel, ctx, client, a.account(), tokens)));
  }

  /** Reads the OA's public profile page ({@code via: browser}), whatever account the channel has. */
  private void publicProfile(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    if (publicPage.isEmpty()) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": đọc trang công khai của Zalo OA qua trình duyệt "
          + "(via: browser) cần trình duyệt, mà lệnh này chạy không có trình duyệt; dùng via: auto hoặc api");
    }
    publicPage.get().harvest(channel, ctx);
  }

  /**
   * The settings' pair serves one OA only: it is checked with {@code getoa} and stored as the account of the OA it
   * belongs to, which must be this channel's OA.
   */
  private void seedFromSettings(ChannelSpec channel, HarvestContext ctx, ZaloClient client) throws ConnectorException {
    Settings s = ctx.settings();
    Optional<String> accessToken = s.get("platforms.zalo.accessToken");
    if (accessToken.isEmpty()) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": " + FacebookConnector.NOT_CONNECTED
          + "; kết nối OA tại trang Tài khoản kết nối (Zalo), hoặc nhập cặp token bằng lệnh 'credentials set "
          + channel.code() + " --refresh-token-stdin'");
    }
    ZaloTokens initial = new ZaloTokens(accessToken.get(), s.get("platforms.zalo.refreshToken").orElse(null));
    String oaId = identify(channel, initial.accessToken(), s, ctx.clock()).account();
    store.seed(channel.id(), oaId, initial);
    LOG.info("zalo OA {}: first pair taken from the settings, sealed and linked to {}", oaId, channel.code());
  }

  /** Checks an access token with {@code getoa}: it must belong to the channel's OA when the channel names one. */
  public AccountIdentity identify(ChannelSpec channel, String accessToken, Settings s, java.time.Clock clock)
      throws ConnectorException {
    ZaloClient client = new ZaloClient(fetcher, s.uri("platforms.zalo.apiBaseUrl").orElseThrow(),
        s.uri("platforms.zalo.oauthBaseUrl").orElseThrow());
    URI uri = client.oaUri();
    HttpResult r = client.get(uri, accessToken, channel.code());
    ZaloAnswer<ZaloParser.Oa> answer = ZaloParser.parseOa(r.body(), uri, clock);
    if (answer instanceof ZaloAnswer.Failed<ZaloParser.Oa> f) {
      throw ZaloErrors.toException(f.error(), f.message(), channel.code(), clock.instant());
    }
    ZaloParser.Oa oa = ((ZaloAnswer.Ok<ZaloParser.Oa>) answer).value();
    Optional<String> expected = channel.platformId().filter(p -> !p.isBlank()).map(String::strip);
    if (expected.isPresent() && !expected.get().equals(oa.oaId())) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": token thuộc OA '" + oa.name() + "' (" + oa.oaId()
          + ") nhưng kênh là OA " + expected.get() + "; kiểm tra lại kênh hoặc token");
    }
    return new AccountIdentity(oa.oaId(), oa.name());
  }

  private void harvestWith(Run run) throws ConnectorException {
    ChannelSpec channel = run.channel;
    HarvestContext ctx = run.ctx;
    ZaloClient client = run.client;
    Map<String, String> knownUrls = new HashMap<>();
    for (KnownPost k : ctx.postsToRefresh()) {
      knownUrls.put(k.platformId(), k.url());
    }
    Set<String> seen = new HashSet<>();
    for (String type : TYPES) {
      listType(run, type, knownUrls, seen);
    }
    for (KnownPost k : ctx.postsToRefresh()) {
      if (seen.add(k.platformId())) {
        URI uri = client.detailUri(k.platformId());
        ZaloAnswer<Optional<ZaloArticle>> a = run.call(uri, ZaloParser::parseDetail, false);
        if (a instanceof ZaloAnswer.Ok<Optional<ZaloArticle>> ok && ok.value().isPresent()) {
          ctx.accept(post(ok.value().get(), PostKind.POST, k.url(), channel));
        } else if (a instanceof ZaloAnswer.Failed<Optional<ZaloArticle>> f) {
          ctx.problem(k.url(), "zalo_detail_failed", "Không đọc được bài " + k.platformId() + " (Zalo mã "
              + f.error() + ": " + f.message() + ")");
        }
      }
    }
  }

  private void listType(Run run, String type, Map<String, String> knownUrls, Set<String> seen)
      throws ConnectorException {
    int offset = 0;
    String previousFirst = null;
    for (int slice = 0; slice < MAX_SLICES; slice++) {
      URI uri = run.client.sliceUri(type, offset);
      ZaloParser.Slice page = ((ZaloAnswer.Ok<ZaloParser.Slice>) run.call(uri, ZaloParser::parseSlice, true)).value();
      List<ZaloArticle> articles = page.articles();
      if (articles.isEmpty()) {
        return;
      }
      if (articles.get(0).id().equals(previousFirst)) {
        run.ctx.problem(uri.toString(), "page_repeat", "Zalo trả lại cùng một trang bài viết ở vị trí " + offset
            + "; dừng để không lặp vô hạn");
        return;
      }
      previousFirst = articles.get(0).id();
      boolean passedWindow = false;
      for (ZaloArticle a : articles) {
        if (a.createdAt() != null && a.createdAt().isBefore(run.ctx.windowStart())) {
          passedWindow = true;
        } else if (seen.add(a.id())) {
          run.ctx.accept(post(withUrl(run, a, knownUrls), "video".equals(type) ? PostKind.VIDEO : PostKind.POST,
              null, run.channel));
        }
      }
      offset += articles.size();
      if (passedWindow || (page.total() != null && offset >= page.total())) {
        return;
      }
    }
    run.ctx.problem(run.channel.url(), "too_many_pages", "Dừng sau " + MAX_SLICES + " trang bài viết loại " + type);
  }

  /** The slice may lack the article's link; a stored post already has one, a new one asks for the detail. */
  private ZaloArticle withUrl(Run run, ZaloArticle a, Map<String, String> knownUrls) throws ConnectorException {
    if (a.url() != null || knownUrls.containsKey(a.id())) {
      return a;
    }
    ZaloAnswer<Optional<ZaloArticle>> d = run.call(run.client.detailUri(a.id()), ZaloParser::parseDetail, false);
    if (d instanceof ZaloAnswer.Ok<Optional<ZaloArticle>> ok && ok.value().isPresent() && ok.value().get().url() != null) {
      ZaloArticle det = ok.value().get();
      return new ZaloArticle(a.id(), a.type(), a.title(), a.description() != null ? a.description() : det.description(),
          det.url(), a.cover(), a.createdAt(), a.createdText(), a.views(), a.shares(), a.status(), a.countUnreadable());
    }
    return a;
  }

  private static HarvestedPost post(ZaloArticle a, PostKind kind, String knownUrl, ChannelSpec channel) {
    Set<String> flags = new HashSet<>();
    String url = a.url() != null ? a.url() : knownUrl;
    if (url == null) {
      // No link from the list nor the detail: the OA page is the nearest real address.
      url = channel.url();
      flags.add("article_url_unknown");
    }
    if (a.createdAt() == null) {
      flags.add("no_date");
    }
    if (a.countUnreadable()) {
      flags.add(JsonBodies.COUNT_UNREADABLE);
    }
    return new HarvestedPost(a.id(), kind, url, url, a.title(), a.description(), null, null, null, a.cover(),
        a.createdAt(), a.createdText(), null, new Counts(null, null, a.shares(), a.views(), null), flags);
  }

  /** One harvest's token state: a rejected token is refreshed at most once. */
  private final class Run {
    final ChannelSpec channel;
    final HarvestContext ctx;
    final ZaloClient client;
    final String account;
    ZaloTokens tokens;
    boolean refreshed;

    Run(ChannelSpec channel, HarvestContext ctx, ZaloClient client, String account, ZaloTokens tokens) {
      this.channel = channel;
      this.ctx = ctx;
      this.client = client;
      this.account = account;
      this.tokens = tokens;
    }

    /** Calls once, refreshing and repeating on a rejected token; other errors throw when {@code failHard}. */
    <T> ZaloAnswer<T> call(URI uri, Parse<T> parser, boolean failHard) throws ConnectorException {
      while (true) {
        HttpResult r = client.get(uri, tokens.accessToken(), channel.code());
        if (r.status() >= 500 || r.status() == 429) {
          throw new ConnectorException(r.status() == 429 ? Kind.RATE_LIMITED : Kind.TRANSIENT, channel.code() + ": "
              + uri + ": HTTP " + r.status() + " sau " + r.attempts() + " lần thử; thử lại sau",
              r.status() == 429 ? ctx.clock().instant().plus(ZaloErrors.RATE_LIMIT_WAIT) : null, null);
        }
        ZaloAnswer<T> a = parser.parse(r.body(), uri, ctx.clock());
        if (a instanceof ZaloAnswer.Failed<T> f) {
          if (ZaloErrors.isTokenRejected(f.error()) && !refreshed) {
            refresh();
            continue;
          }
          if (failHard || ZaloErrors.isTokenRejected(f.error()) || f.error() == -32) {
            throw ZaloErrors.toException(f.error(), f.message(), channel.code(), ctx.clock().instant());
          }
        }
        return a;
      }
    }

    private void refresh() throws ConnectorException {
      refreshed = true;
      Settings s = ctx.settings();
      String appId = s.get("platforms.zalo.appId").orElseThrow(() ->
          new ConnectorException(Kind.CONFIG, channel.code() + ": token Zalo hết hạn nhưng thiếu platforms.zalo.appId"));
      String secret = s.get("platforms.zalo.secretKey").orElseThrow(() ->
          new ConnectorException(Kind.CONFIG, channel.code()
              + ": token Zalo hết hạn nhưng thiếu platforms.zalo.secretKey"));
      tokens = store.refresh(account, tokens, refreshToken -> {
        HttpResult r = client.refresh(appId, secret, refreshToken, channel.code());
        ZaloAnswer<ZaloParser.Grant> g = ZaloParser.parseGrant(r.body(), client.tokenUri(), ctx.clock());
        if (g instanceof ZaloAnswer.Failed<ZaloParser.Grant> f) {
          ConnectorException e = ZaloErrors.toException(f.error(), f.message(), channel.code(), ctx.clock().instant());
          throw e.kind() != Kind.BAD_RESPONSE ? e : new ConnectorException(Kind.AUTH, channel.code()
              + ": không làm mới được token Zalo OA; cần cấp lại cặp token (Zalo mã " + f.error() + ": "
              + f.message() + ")");
        }
        return ((ZaloAnswer.Ok<ZaloParser.Grant>) g).value();
      });
      LOG.info("zalo OA {}: access token refreshed and saved", account);
    }
  }

  @FunctionalInterface
  interface Parse<T> {
    ZaloAnswer<T> parse(byte[] body, URI source, java.time.Clock clock) throws ConnectorException;
  }
}
