package vn.minhchung.harvester.connector.youtube;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.spec.DurationBounds;
import vn.minhchung.harvester.spec.DurationSpec;
import vn.minhchung.harvester.spec.DurationTargets;

/**
 * Harvests a YouTube channel ({@code youtube_channel}). With an API key (the key of the account linked to the
 * channel, else {@code platforms.youtube.apiKey}) unless {@code via: feed}: uploads playlist pages until the window is passed, then videos.list in
 * batches of 50 for the new videos and the stored ones due for a refresh; videos outside every duration target
 * of the owner's plans are flagged {@code duration_out_of_spec}. Without a key: the Atom feed (latest 15) and each
 * video's watch page ({@link KeylessRun}); a handle or {@code /c/…}, {@code /user/…} address is resolved to the
 * {@code UC…} id from the channel page.
 */
public final class YouTubeConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(YouTubeConnector.class);
  private static final Pattern CHANNEL_PATH = Pattern.compile("/channel/(UC[A-Za-z0-9_-]{22})");
  private static final Pattern HANDLE_PATH = Pattern.compile("/(@[^/?#]+)");
  private static final Pattern LEGACY_PATH = Pattern.compile("/((?:c|user)/[^/?#]+)");
  /** 200 pages × 50 = 10,000 uploads: a stop for a playlist that never ends. */
  static final int MAX_PAGES = 200;

  private final HttpFetcher fetcher;
  private final PoliteFetcher pages;
  private final YouTubeQuota quota;
  private final DurationTargets targets;
  private final ChannelAccess access;

  public YouTubeConnector(HttpFetcher fetcher, PoliteFetcher pages, YouTubeQuota quota, DurationTargets targets,
      ChannelAccess access) {
    this.fetcher = fetcher;
    this.pages = pages;
    this.quota = quota;
    this.targets = targets;
    this.access = access;
  }

  @Override
  public Set<ChannelKind> kinds() {
    return Set.of(ChannelKind.YOUTUBE_CHANNEL);
  }

  /**
   * A channel id ({@code UC…}), a handle ({@code @name}), or neither for a {@code /c/…} or {@code /user/…} address;
   * {@code pagePath} is the channel page that shows the id ({@code /@name}, {@code /c/name}), null with an id.
   */
  record ChannelRef(String channelId, String handle, String pagePath) {}

  @Override
  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    Settings s = ctx.settings();
    YouTubeClient client = new YouTubeClient(fetcher, pages, s, quota, ctx.clock());
    ChannelRef given = ref(channel);
    // The Data API cannot look up a /c/ name: the page gives the id, without spending quota.
    ChannelRef ref = given.channelId() == null && given.handle() == null
        ? resolved(client, channel, given, ctx.clock()) : given;
    List<DurationBounds> bounds = targets.forChannel(channel.id());
    ChannelAccess.Via via = ChannelAccess.Via.of(channel);
    // The keyless feed and watch pages are what "browser" means for YouTube: the public pages, no key.
    if (via == ChannelAccess.Via.FEED || via == ChannelAccess.Via.BROWSER) {
      new KeylessRun(channel, ctx, client, bounds).harvest(resolved(client, channel, ref, ctx.clock()).channelId());
      return;
    }
    Optional<ChannelAccess.Access> account = access.forChannel(channel);
    if (account.isPresent()) {
      access.using(account.get(), a -> new ApiRun(channel, ctx, client, a.secrets().accessToken(), bounds).harvest(ref));
      return;
    }
    Optional<String> key = s.get("platforms.youtube.apiKey");
    if (key.isPresent()) {
      new ApiRun(channel, ctx, client, key.get(), bounds).harvest(ref);
    } else if (via == ChannelAccess.Via.API) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": chưa có khóa API YouTube (via: api); nhập khóa bằng"
          + " lệnh 'credentials set " + channel.code() + "' hoặc đặt platforms.youtube.apiKey");
    } else {
      new KeylessRun(channel, ctx, client, bounds).harvest(resolved(client, channel, ref, ctx.clock()).channelId());
    }
  }

  /**
   * Checks an API key with one unit of quota: the channel must be found with it. Returns the channel's UC… id and
   * title, the account a key is stored under.
   */
  public AccountIdentity identify(ChannelSpec channel, String key, Settings s, Clock clock)
      throws ConnectorException {
    YouTubeClient client = new YouTubeClient(fetcher, pages, s, quota, clock);
    ChannelRef given = ref(channel);
    ChannelRef ref = given.channelId() == null && given.handle() == null
        ? resolved(client, channel, given, clock) : given;
    URI uri = client.identityUri(ref.channelId(), ref.handle());
    HttpResult r = client.api(uri, key, channel.code());
    if (!r.isSuccess()) {
      YouTubeParser.ApiError e = YouTubeParser.parseError(r.body(), uri).orElse(new YouTubeParser.ApiError(r.status(),
          "", "HTTP " + r.status()));
      throw YouTubeErrors.toException(r.status(), e, channel.code(), clock.instant());
    }
    return YouTubeParser.parseChannelIdentity(r.body(), uri, clock).orElseThrow(() -> new ConnectorException(
        Kind.NOT_FOUND, channel.code() + ": khóa hợp lệ nhưng YouTube không tìm thấy kênh " + (ref.channelId() != null
            ? ref.channelId() : ref.handle()) + "; kiểm tra URL/platform_id của kênh"));
  }

  /** The ref with its {@code UC…} id, read from the channel page when the registry gives a handle or name. */
  private static ChannelRef resolved(YouTubeClient client, ChannelSpec channel, ChannelRef ref, Clock clock)
      throws ConnectorException {
    if (ref.channelId() != null) {
      return ref;
    }
    URI uri = client.channelPageUri(ref.pagePath());
    Page page = client.page(uri, channel.code());
    if (YouTubePageParser.isConsentWall(page.finalUri(), page.body())) {
      throw new ConnectorException(Kind.PERMISSION, channel.code() + ": " + uri + ": YouTube trả trang xin đồng ý "
          + "cookie (consent.youtube.com) thay cho trang kênh; đặt platform_id là mã kênh UC… để khỏi cần trang này");
    }
    if (page.status() == 404) {
      throw new ConnectorException(Kind.NOT_FOUND, channel.code() + ": " + uri + ": YouTube không có kênh này (HTTP"
          + " 404); kiểm tra URL/platform_id của kênh");
    }
    if (!page.isSuccess()) {
      throw new ConnectorException(Kind.TRANSIENT, channel.code() + ": " + uri + ": trang kênh YouTube trả HTTP "
          + page.status() + "; thử lại sau");
    }
    String id = YouTubePageParser.parseChannel(page.body(), uri, clock).channelId();
    LOG.info("youtube channel {}: {} is {}", channel.code(), ref.pagePath(), id);
    return new ChannelRef(id, ref.handle(), ref.pagePath());
  }

  /** One keyed harvest of one channel. */
  private final class ApiRun {
    final ChannelSpec channel;
    final HarvestContext ctx;
    final YouTubeClient client;
    final String key;
    final List<DurationBounds> bounds;

    ApiRun(ChannelSpec channel, HarvestContext ctx, YouTubeClient client, String key, List<DurationBounds> bounds) {
      this.channel = channel;
      this.ctx = ctx;
      this.client = client;
      this.key = key;
      this.bounds = bounds;
    }

    void harvest(ChannelRef ref) throws ConnectorException {
      Set<String> ids = new LinkedHashSet<>();
      if (ref.channelId() != null) {
        // The uploads playlist of UCxxxx is UUxxxx; this saves a call per channel and run. If YouTube ever
        // answers 404 for it, channels.list gives the real one.
        Optional<Set<String>> direct = uploads("UU" + ref.channelId().substring(2), true);
        if (direct.isPresent()) {
          ids.addAll(direct.get());
        } else {
          ids.addAll(uploads(uploadsPlaylist(ref), false).orElseThrow());
        }
      } else {
        ids.addAll(uploads(uploadsPlaylist(ref), false).orElseThrow());
      }
      Set<String> refresh = new LinkedHashSet<>();
      for (KnownPost k : ctx.postsToRefresh()) {
        if (!ids.contains(k.platformId())) {
          refresh.add(k.platformId());
        }
      }
      List<String> all = new ArrayList<>(ids);
      all.addAll(refresh);
      Set<String> returned = new HashSet<>();
      for (int i = 0; i < all.size(); i += YouTubeClient.BATCH_SIZE) {
        List<String> batch = all.subList(i, Math.min(all.size(), i + YouTubeClient.BATCH_SIZE));
        URI uri = client.videosUri(batch);
        for (HarvestedPost p : YouTubeParser.parseVideos(ok(client.api(uri, key, channel.code())), uri,
            client.watchBase(), ctx.clock())) {
          returned.add(p.platformId());
          ctx.accept(withSpecFlags(p));
        }
      }
      for (String id : refresh) {
        if (!returned.contains(id)) {
          ctx.markGone(id, "YouTube: video đã bị xóa hoặc chuyển sang riêng tư");
        }
      }
      for (String id : ids) {
        if (!returned.contains(id)) {
          ctx.problem(YouTubeParser.watchUrl(client.watchBase(), id), "video_unavailable",
              "Video có trong danh sách tải lên nhưng videos.list không trả về (riêng tư hoặc đang xử lý)");
        }
      }
      LOG.info("youtube channel {}: {} videos in window, {} refreshed, quota used today {}", channel.code(),
          ids.size(), refresh.size(), quota.used(ctx.clock().instant()));
    }

    private HarvestedPost withSpecFlags(HarvestedPost p) {
      Set<String> extra = DurationSpec.flags(p.durationSeconds(), bounds);
      if (extra.isEmpty()) {
        return p;
      }
      Set<String> flags = new HashSet<>(p.flags());
      flags.addAll(extra);
      return new HarvestedPost(p.platformId(), p.kind(), p.url(), p.canonicalUrl(), p.title(), p.lead(), p.body(),
          p.author(), p.section(), p.imageUrl(), p.postedAt(), p.postedAtText(), p.durationSeconds(), p.counts(),
          flags);
    }

    private String uploadsPlaylist(ChannelRef ref) throws ConnectorException {
      URI uri = client.channelUri(ref.channelId(), ref.handle());
      return YouTubeParser.parseChannel(ok(client.api(uri, key, channel.code())), uri, ctx.clock())
          .orElseThrow(() -> new ConnectorException(Kind.NOT_FOUND, channel.code() + ": YouTube không tìm thấy kênh "
              + (ref.channelId() != null ? ref.channelId() : ref.handle()) + "; kiểm tra URL/platform_id của kênh"));
    }

    /** Video ids of the playlist inside the window; empty when {@code tentative} and the playlist is unknown. */
    private Optional<Set<String>> uploads(String playlistId, boolean tentative) throws ConnectorException {
      Set<String> ids = new LinkedHashSet<>();
      Set<String> tokens = new HashSet<>();
      String token = null;
      for (int page = 0; page < MAX_PAGES; page++) {
        URI uri = client.playlistUri(playlistId, token);
        HttpResult r = client.api(uri, key, channel.code());
        if (tentative && page == 0 && r.status() == 404) {
          return Optional.empty();
        }
        YouTubeParser.PlaylistPage p = YouTubeParser.parsePlaylist(ok(r), uri, ctx.clock());
        boolean passed = false;
        for (YouTubeParser.Upload u : p.uploads()) {
          if (u.publishedAt() != null && u.publishedAt().isBefore(ctx.windowStart())) {
            passed = true;
          } else {
            ids.add(u.videoId());
          }
        }
        if (passed || p.nextPageToken().isEmpty()) {
          return Optional.of(ids);
        }
        token = p.nextPageToken().get();
        if (!tokens.add(token)) {
          ctx.problem(uri.toString(), "cursor_repeat", "YouTube trả lại nextPageToken đã gặp; dừng để không lặp vô hạn");
          return Optional.of(ids);
        }
      }
      ctx.problem(channel.url(), "too_many_pages", "Dừng sau " + MAX_PAGES + " trang danh sách tải lên");
      return Optional.of(ids);
    }

    private byte[] ok(HttpResult r) throws ConnectorException {
      if (r.isSuccess()) {
        return r.body();
      }
      throw YouTubeErrors.toException(r.status(), YouTubeParser.parseError(r.body(), r.requested()).orElse(null),
          channel.code(), ctx.clock().instant());
    }
  }

  static ChannelRef ref(ChannelSpec channel) throws ConnectorException {
    Optional<String> pid = channel.platformId().map(String::strip).filter(p -> !p.isEmpty());
    if (pid.isPresent() && pid.get().startsWith("UC") && pid.get().length() == 24) {
      return new ChannelRef(pid.get(), null, null);
    }
    if (pid.isPresent() && pid.get().startsWith("@")) {
      return handle(pid.get());
    }
    Matcher m = CHANNEL_PATH.matcher(channel.url());
    if (m.find()) {
      return new ChannelRef(m.group(1), null, null);
    }
    Matcher h = HANDLE_PATH.matcher(channel.url());
    if (h.find()) {
      return handle(URLDecoder.decode(h.group(1), StandardCharsets.UTF_8));
    }
    Matcher legacy = LEGACY_PATH.matcher(URI.create(channel.url()).getRawPath());
    if (legacy.lookingAt()) {
      return new ChannelRef(null, null, "/" + legacy.group(1));
    }
    throw new ConnectorException(Kind.CONFIG, channel.code() + ": không nhận ra kênh YouTube từ " + channel.url()
        + "; đặt platform_id là mã kênh UC… hoặc dùng URL dạng /channel/UC…, /@tên, /c/tên hay /user/tên");
  }

  private static ChannelRef handle(String handle) {
    return new ChannelRef(null, handle, "/@" + URLEncoder.encode(handle.substring(1), StandardCharsets.UTF_8));
  }
}
