package vn.minhchung.harvester.connector.youtube;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.connector.youtube.YouTubePageParser.WatchPage;
import vn.minhchung.harvester.http.HttpResult;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.spec.DurationBounds;
import vn.minhchung.harvester.spec.DurationSpec;

/**
 * One keyless harvest of one channel: the Atom feed lists the latest 15 videos, then the watch page of each listed
 * video in the window and of each stored video due a refresh gives its duration, date and counts, one page at a
 * time. A watch page that cannot be read is a problem of the run and the video keeps what the feed said; a consent
 * interstitial or a rate limit stops the watch pages of this run (every further page would get the same).
 */
final class KeylessRun {
  private static final Logger LOG = LoggerFactory.getLogger(KeylessRun.class);
  /** Flags this run decides again from the watch page, whatever the feed said. */
  private static final Set<String> RECOMPUTED = Set.of("duration_unknown", "no_date", "future_date", "live",
      DurationSpec.OUT_OF_SPEC);

  private final ChannelSpec channel;
  private final HarvestContext ctx;
  private final YouTubeClient client;
  private final List<DurationBounds> bounds;
  private boolean stopped;
  private int pagesRead;

  KeylessRun(ChannelSpec channel, HarvestContext ctx, YouTubeClient client, List<DurationBounds> bounds) {
    this.channel = channel;
    this.ctx = ctx;
    this.client = client;
    this.bounds = bounds;
  }

  void harvest(String channelId) throws ConnectorException {
    URI uri = client.feedUri(channelId);
    HttpResult r = client.feed(uri, channel.code());
    if (!r.isSuccess()) {
      // The feed has had long 404/500 outages: never conclude from it that the channel is gone.
      throw new ConnectorException(Kind.TRANSIENT, channel.code() + ": " + uri + ": feed YouTube trả HTTP "
          + r.status() + "; thường là sự cố tạm thời của YouTube, thử lại sau");
    }
    Set<String> listed = new HashSet<>();
    for (HarvestedPost p : YouTubeFeedParser.parse(r.body(), uri, client.watchBase(), ctx.clock())) {
      if (p.postedAt() == null || !p.postedAt().isBefore(ctx.windowStart())) {
        listed.add(p.platformId());
        ctx.accept(watch(p.platformId()).map(w -> merged(p, w)).orElse(p));
      }
    }
    int refreshed = 0;
    for (KnownPost k : ctx.postsToRefresh()) {
      if (!listed.contains(k.platformId()) && !stopped) {
        Optional<WatchPage> w = watch(k.platformId());
        if (w.isPresent()) {
          ctx.accept(fromPage(k, w.get()));
          refreshed++;
        }
      }
    }
    LOG.info("youtube channel {} (keyless): {} videos in the feed window, {} refreshed, {} watch pages read",
        channel.code(), listed.size(), refreshed, pagesRead);
  }

  /** The watch page of a video, or empty (and a problem recorded) when it cannot be read. */
  private Optional<WatchPage> watch(String videoId) {
    if (stopped) {
      return Optional.empty();
    }
    URI uri = client.watchUri(videoId);
    try {
      Page page = client.page(uri, channel.code());
      if (YouTubePageParser.isConsentWall(page.finalUri(), page.body())) {
        stopped = true;
        ctx.problem(uri.toString(), "consent_wall", "YouTube trả trang xin đồng ý cookie (consent.youtube.com) "
            + "thay cho trang video; lần chạy này không đọc thêm trang video nào, các video giữ dữ liệu của feed");
        return Optional.empty();
      }
      if (!page.isSuccess()) {
        // After a 429 every further page would be refused too, and asking again is what YouTube punishes.
        stopped = page.status() == 429;
        ctx.problem(uri.toString(), "watch_page_unreadable", "Trang video trả HTTP " + page.status()
            + "; video giữ dữ liệu của feed (chưa có thời lượng)"
            + (stopped ? "; dừng đọc trang video trong lần chạy này" : ""));
        return Optional.empty();
      }
      WatchPage w = YouTubePageParser.parseWatch(page.body(), uri, ctx.clock());
      pagesRead++;
      if (w.unavailable() != null) {
        ctx.problem(uri.toString(), "video_unavailable", "YouTube không phát được video: " + w.unavailable());
        return Optional.empty();
      }
      if (!w.videoId().equals(videoId)) {
        ctx.problem(uri.toString(), "watch_page_unreadable", "Trang video là của video " + w.videoId()
            + " chứ không phải " + videoId + "; bỏ qua dữ liệu trang");
        return Optional.empty();
      }
      return Optional.of(w);
    } catch (ConnectorException e) {
      if (e.kind() == Kind.RATE_LIMITED) {
        stopped = true;
      }
      ctx.problem(uri.toString(), "watch_page_unreadable", "Không đọc được trang video: " + e.getMessage()
          + (stopped ? "; dừng đọc trang video trong lần chạy này" : ""));
      return Optional.empty();
    }
  }

  /** The feed's entry with what only the watch page has; the feed's exact timestamp wins over the page's date. */
  private HarvestedPost merged(HarvestedPost p, WatchPage w) {
    Instant postedAt = p.postedAt() != null ? p.postedAt() : w.publishedAt();
    String postedText = p.postedAt() != null ? p.postedAtText() : w.publishedText();
    Counts c = p.counts();
    Counts counts = new Counts(c.reactions(), w.comments() != null ? w.comments() : c.comments(), c.shares(),
        w.views() != null ? w.views() : c.views(), w.likes() != null ? w.likes() : c.likes());
    return new HarvestedPost(p.platformId(), p.kind(), p.url(), p.canonicalUrl(), p.title(), p.lead(), p.body(),
        p.author(), p.section(), p.imageUrl(), postedAt, postedText, w.durationSeconds(), counts,
        flags(p.flags(), postedAt, w));
  }

  /** A stored video the feed no longer lists (older than its latest 15), from its watch page alone. */
  private HarvestedPost fromPage(KnownPost k, WatchPage w) {
    String watch = client.watchUri(w.videoId()).toString();
    String url = k.url() != null ? k.url() : watch;
    Set<String> base = url.contains("/shorts/") ? Set.of("shorts") : Set.of();
    Instant postedAt = w.publishedAt() != null ? w.publishedAt() : k.postedAt();
    return new HarvestedPost(w.videoId(), PostKind.VIDEO, url, watch, w.title(), null, w.description(), w.author(),
        null, w.imageUrl(), postedAt, w.publishedText(), w.durationSeconds(),
        new Counts(null, w.comments(), null, w.views(), w.likes()), flags(base, postedAt, w));
  }

  private Set<String> flags(Set<String> fromFeed, Instant postedAt, WatchPage w) {
    Set<String> flags = new HashSet<>(fromFeed);
    flags.removeAll(RECOMPUTED);
    if (postedAt == null) {
      flags.add("no_date");
    } else if (postedAt.isAfter(ctx.clock().instant().plus(Duration.ofDays(1)))) {
      flags.add("future_date");
    }
    if (w.durationSeconds() == null) {
      flags.add("duration_unknown");
    }
    if (w.live()) {
      flags.add("live");
    }
    flags.addAll(DurationSpec.flags(w.durationSeconds(), bounds));
    return flags;
  }
}
