package vn.minhchung.harvester.connector.facebook;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.connector.AccountIdentity;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.facebook.FacebookParser.GraphError;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.HttpResult;

/**
 * Harvests a Facebook Page ({@code facebook_page}): its published posts inside the window, newest first, then
 * the counts of older stored posts in {@code ?ids=} batches. The Page id is the channel's platform id (or the
 * first path segment of its URL); the token is the Page token of the account linked to the channel
 * ({@link ChannelAccess}), else the platform-wide {@code platforms.facebook.accessToken} (a system-user token).
 * With {@code via: browser}, or {@code via: auto} when the channel has no usable account (none, rejected, revoked,
 * expired) and no platform-wide token, the public Page is read through the browser ({@link FacebookPageReader});
 * {@code via: api} never uses the browser.
 */
public final class FacebookConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(FacebookConnector.class);
  private final HttpFetcher fetcher;
  private final FacebookThrottle throttle;
  private final ChannelAccess access;
  private final Optional<FacebookPageReader> pages;

  /** Reads through the API only: a channel the browser would read fails with the reason (tools, tests). */
  public FacebookConnector(HttpFetcher fetcher, FacebookThrottle throttle, ChannelAccess access) {
    this(fetcher, throttle, access, Optional.empty());
  }

  public FacebookConnector(HttpFetcher fetcher, FacebookThrottle throttle, ChannelAccess access,
      Optional<FacebookPageReader> pages) {
    this.fetcher = fetcher;
    this.throttle = throttle;
    this.access = access;
    this.pages = pages;
  }

  @Override
  public Set<ChannelKind> kinds() {
    return Set.of(ChannelKind.FACEBOOK_PAGE);
  }

  @Override
  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    Settings s = ctx.settings();
    ChannelAccess.Via via = ChannelAccess.Via.of(channel);
    if (via == ChannelAccess.Via.BROWSER) {
      browser(channel, ctx);
      return;
    }
    Optional<ChannelAccess.Access> account;
    try {
      account = access.forChannel(channel);
    } catch (ConnectorException e) {
      if (via == ChannelAccess.Via.AUTO && e.kind() == Kind.AUTH && pages.isPresent()) {
        LOG.info("facebook page {}: the account cannot be used ({}); reading the public Page through the browser",
            channel.code(), e.getMessage());
        pages.get().harvest(channel, ctx);
        return;
      }
      throw e;
    }
    String pageId = pageId(channel);
    FacebookClient client = new FacebookClient(fetcher, throttle,
        s.uri("platforms.facebook.graphBaseUrl").orElseThrow(), s.string("platforms.facebook.apiVersion"));
    if (account.isPresent()) {
      access.using(account.get(), a -> harvestWith(channel, ctx, client, a.secrets().accessToken(), pageId));
      return;
    }
    Optional<String> token = s.get("platforms.facebook.accessToken");
    if (token.isEmpty() && via == ChannelAccess.Via.AUTO && pages.isPresent()) {
      pages.get().harvest(channel, ctx);
      return;
    }
    harvestWith(channel, ctx, client, token.orElseThrow(() -> new ConnectorException(Kind.CONFIG,
        channel.code() + ": " + NOT_CONNECTED + "; kết nối Trang tại trang Tài khoản kết nối (Facebook Login), hoặc"
            + " nhập token Trang bằng lệnh 'credentials set " + channel.code() + "'")), pageId);
  }

  private void browser(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    if (pages.isEmpty()) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": via: browser nhưng tiến trình này không đọc Trang"
          + " qua trình duyệt (chỉ dùng API); chạy thu thập bằng lệnh harvest hoặc serve");
    }
    pages.get().harvest(channel, ctx);
  }

  /** The words every "no credential" failure starts with, shown as the channel's state. */
  public static final String NOT_CONNECTED = "chưa kết nối tài khoản";

  private void harvestWith(ChannelSpec channel, HarvestContext ctx, FacebookClient client, String token, String pageId)
      throws ConnectorException {
    Set<String> seen = listPosts(channel, ctx, client, token, pageId);
    refresh(channel, ctx, client, token, pageId, seen);
  }

  private Set<String> listPosts(ChannelSpec channel, HarvestContext ctx, FacebookClient client, String token,
      String pageId) throws ConnectorException {
    Set<String> seen = new HashSet<>();
    Set<String> cursors = new HashSet<>();
    URI uri = client.postsUri(pageId);
    int pages = 0;
    while (true) {
      HttpResult r = client.get(uri, token, channel.code(), pageId);
      FacebookParser.Page page = FacebookParser.parsePage(ok(r, channel, ctx), uri, ctx.clock());
      pages++;
      boolean passedWindow = false;
      List<HarvestedPost> fresh = new ArrayList<>();
      for (HarvestedPost p : page.posts()) {
        if (p.postedAt() != null && p.postedAt().isBefore(ctx.windowStart())) {
          passedWindow = true;
        } else if (seen.add(p.platformId())) {
          fresh.add(p);
        }
      }
      withLengths(channel, ctx, client, token, pageId, fresh, page.videos()).forEach(ctx::accept);
      if (passedWindow || page.next().isEmpty()) {
        break;
      }
      URI next = FacebookClient.withoutToken(page.next().get());
      if (!client.onGraphHost(next)) {
        // The token goes with every Graph call: a next link elsewhere would hand it to another host.
        ctx.problem(next.toString(), "paging_offsite", "liên kết trang sau của Facebook trỏ ra ngoài máy chủ Graph "
            + "đã cấu hình (platforms.facebook.graphBaseUrl); dừng phân trang sau " + pages
            + " trang, không gửi token");
        break;
      }
      String cursor = page.after().orElse(next.toString());
      if (!cursors.add(cursor)) {
        ctx.problem(next.toString(), "cursor_repeat", "Facebook trả lại con trỏ phân trang đã gặp sau " + pages
            + " trang; dừng để không lặp vô hạn");
        break;
      }
      uri = next;
    }
    LOG.info("facebook page {}: {} posts in window, {} pages", pageId, seen.size(), pages);
    return seen;
  }

  /**
   * The posts with the duration of their video: one {@code ?ids=…&fields=id,length} call per page of posts
   * that has videos. A video whose length Graph does not give is flagged {@code duration_unknown}; a failed call
   * is a problem of the run and leaves those videos without duration.
   */
  private List<HarvestedPost> withLengths(ChannelSpec channel, HarvestContext ctx, FacebookClient client, String token,
      String pageId, List<HarvestedPost> posts, java.util.Map<String, String> videos) throws ConnectorException {
    List<String> ids = posts.stream().map(p -> videos.get(p.platformId())).filter(java.util.Objects::nonNull)
        .distinct().toList();
    if (ids.isEmpty()) {
      return posts;
    }
    java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
    for (int i = 0; i < ids.size(); i += FacebookClient.BATCH_SIZE) {
      URI uri = client.videoLengthsUri(ids.subList(i, Math.min(ids.size(), i + FacebookClient.BATCH_SIZE)));
      HttpResult r = client.get(uri, token, channel.code(), pageId);
      if (r.isSuccess()) {
        lengths.putAll(FacebookParser.parseLengths(r.body(), uri));
      } else {
        ctx.problem(uri.toString(), "video_length_unreadable", "Facebook không trả thời lượng video (HTTP "
            + r.status() + "); các video này chưa có thời lượng");
      }
    }
    List<HarvestedPost> out = new ArrayList<>();
    for (HarvestedPost p : posts) {
      String video = videos.get(p.platformId());
      if (video == null) {
        out.add(p);
        continue;
      }
      Integer seconds = lengths.get(video);
      Set<String> flags = new HashSet<>(p.flags());
      if (seconds == null) {
        flags.add("duration_unknown");
      }
      out.add(new HarvestedPost(p.platformId(), p.kind(), p.url(), p.canonicalUrl(), p.title(), p.lead(), p.body(),
          p.author(), p.section(), p.imageUrl(), p.postedAt(), p.postedAtText(), seconds, p.counts(), flags));
    }
    return out;
  }

  private void refresh(ChannelSpec channel, HarvestContext ctx, FacebookClient client, String token,
      String pageId, Set<String> seen) throws ConnectorException {
    List<String> ids = new ArrayList<>();
    for (KnownPost k : ctx.postsToRefresh()) {
      if (!seen.contains(k.platformId()) && !ids.contains(k.platformId())) {
        ids.add(k.platformId());
      }
    }
    for (int i = 0; i < ids.size(); i += FacebookClient.BATCH_SIZE) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + FacebookClient.BATCH_SIZE));
      URI uri = client.batchUri(batch);
      HttpResult r = client.get(uri, token, channel.code(), pageId);
      Optional<GraphError> err = r.isSuccess() ? Optional.empty() : FacebookParser.parseError(r.body(), uri);
      if (err.isPresent() && err.get().code() == 100) {
        // One missing id fails the whole batch: ask one by one to find which posts are gone.
        for (String id : batch) {
          refreshOne(channel, ctx, client, token, pageId, id);
        }
        continue;
      }
      FacebookParser.Page got = FacebookParser.parseBatch(ok(r, channel, ctx), uri, ctx.clock());
      withLengths(channel, ctx, client, token, pageId, got.posts(), got.videos()).forEach(ctx::accept);
    }
  }

  private void refreshOne(ChannelSpec channel, HarvestContext ctx, FacebookClient client, String token,
      String pageId, String id) throws ConnectorException {
    URI uri = client.batchUri(List.of(id));
    HttpResult r = client.get(uri, token, channel.code(), pageId);
    Optional<GraphError> err = r.isSuccess() ? Optional.empty() : FacebookParser.parseError(r.body(), uri);
    if (err.isPresent() && err.get().code() == 100) {
      ctx.markGone(id, "Facebook: bài không còn hoặc không xem được (mã 100)");
      return;
    }
    FacebookParser.Page got = FacebookParser.parseBatch(ok(r, channel, ctx), uri, ctx.clock());
    withLengths(channel, ctx, client, token, pageId, got.posts(), got.videos()).forEach(ctx::accept);
  }

  /**
   * Checks a token with {@code /me}: it must be a token of the channel's Page (its id, or its user name when the
   * channel is registered by the Page's address).
   */
  public AccountIdentity identify(ChannelSpec channel, String token, Settings s, java.time.Clock clock)
      throws ConnectorException {
    FacebookClient client = new FacebookClient(fetcher, throttle,
        s.uri("platforms.facebook.graphBaseUrl").orElseThrow(), s.string("platforms.facebook.apiVersion"));
    URI uri = client.meUri();
    String pageId = pageId(channel);
    com.fasterxml.jackson.databind.JsonNode me = JsonBodies.read(ok(client.get(uri, token, channel.code(), pageId),
        channel, clock), uri);
    String id = JsonBodies.text(me, "id");
    String username = JsonBodies.text(me, "username");
    String name = JsonBodies.text(me, "name");
    if (id == null) {
      throw new ConnectorException(Kind.BAD_RESPONSE, channel.code() + ": " + uri + " answered without an id");
    }
    if (!pageId.equals(id) && (username == null || !pageId.equalsIgnoreCase(username))) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": token thuộc '" + name + "' (id " + id
          + ") nhưng kênh là Trang " + pageId + "; cần token Trang của chính Trang này (không dùng token người dùng)");
    }
    return new AccountIdentity(id, name);
  }

  /** The body of a successful answer; any Graph error (even on HTTP 200) becomes the channel's failure. */
  private byte[] ok(HttpResult r, ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    return ok(r, channel, ctx.clock());
  }

  private byte[] ok(HttpResult r, ChannelSpec channel, java.time.Clock clock) throws ConnectorException {
    Optional<GraphError> err = FacebookParser.parseError(r.body(), r.requested());
    if (err.isPresent()) {
      FacebookUsage usage = FacebookUsage.of(r);
      ConnectorException e = FacebookErrors.toException(err.get(), channel.code(), r.status(), clock.instant(),
          usage);
      if (e.kind() == Kind.RATE_LIMITED) {
        String key = FacebookErrors.PAGE_LIMIT_CODES.contains(err.get().code()) ? pageId(channel)
            : FacebookThrottle.APP;
        throttle.block(key, e.retryAfter().orElseThrow());
      }
      throw e;
    }
    if (r.status() == 429) {
      throw new ConnectorException(Kind.RATE_LIMITED, channel.code() + ": Facebook trả HTTP 429 sau nhiều lần thử",
          clock.instant().plus(FacebookErrors.DEFAULT_BACKOFF), null);
    }
    if (r.status() >= 500) {
      throw new ConnectorException(Kind.TRANSIENT, channel.code() + ": " + r.requested() + ": HTTP " + r.status()
          + " sau " + r.attempts() + " lần thử; thử lại sau");
    }
    if (!r.isSuccess()) {
      throw new ConnectorException(Kind.BAD_RESPONSE, channel.code() + ": " + r.requested() + ": HTTP " + r.status()
          + " không kèm lỗi Graph đọc được");
    }
    return r.body();
  }

  /** The platform id, else the first path segment of the Page URL ({@code profile.php?id=} understood). */
  public static String pageId(ChannelSpec channel) throws ConnectorException {
    if (channel.platformId().isPresent() && !channel.platformId().get().isBlank()) {
      return channel.platformId().get().strip();
    }
    try {
      URI u = URI.create(channel.url().strip());
      String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+", "");
      if (path.startsWith("profile.php") && u.getQuery() != null) {
        for (String p : u.getQuery().split("&")) {
          if (p.startsWith("id=") && p.length() > 3) {
            return p.substring(3);
          }
        }
      }
      String first = path.split("/")[0];
      if (!first.isBlank() && !first.equals("profile.php")) {
        return first;
      }
    } catch (IllegalArgumentException bad) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": URL Trang không hợp lệ: " + channel.url(), null,
          bad);
    }
    throw new ConnectorException(Kind.CONFIG, channel.code() + ": không tìm được mã Trang; đặt platform_id cho kênh ("
        + channel.url() + ")");
  }
}
