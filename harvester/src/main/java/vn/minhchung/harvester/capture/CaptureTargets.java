package vn.minhchung.harvester.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;

/**
 * Reads from the database what the capture of a harvested post needs (its URL, channel, evidence item, date,
 * latest counts and capture history) and builds the {@link CaptureRequest}. Social posts (Facebook, Zalo,
 * YouTube) are captured as posts whose date and counts must be visible; news articles and watched pages are
 * captured with the default element selection.
 */
public final class CaptureTargets {
  private static final Set<ChannelKind> SOCIAL =
      Set.of(ChannelKind.FACEBOOK_PAGE, ChannelKind.ZALO_OA, ChannelKind.YOUTUBE_CHANNEL);
  private static final int IN_CHUNK = 500;

  private final Database db;

  public CaptureTargets(Database db) {
    this.db = db;
  }

  /**
   * A page to capture: a harvested post (or an uploaded evidence item's URL, then without post and kind), with
   * what the harvest knows about it. {@code counts}: the latest snapshot's counts as text, exact ones as digits
   * ("1444"), ones read shortened from a page as the page showed them ("1,2K"). {@code watchUntil}: end of a
   * watched page's period; {@code watch}: what a watched page must show on the post's day.
   */
  public record Target(Optional<Long> postId, Optional<Long> evidenceId, String url, Optional<String> channelCode,
      Optional<String> channelName, Optional<ChannelKind> kind, Instant firstSeenAt, Optional<Instant> postedAt,
      Optional<String> postedAtText, Map<String, String> counts, Optional<Instant> watchUntil,
      Optional<PageWatch> watch) {
    public Target {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    CapturePolicy.Facts facts() {
      return new CapturePolicy.Facts(kind.orElse(ChannelKind.NEWS_SITE), firstSeenAt, postedAt, watchUntil);
    }
  }

  /** The capture history of one post: latest ok, latest of any status, failures after the latest ok. */
  public record History(Optional<CapturePolicy.LastCapture> lastOk, Optional<CapturePolicy.LastCapture> last,
      int failedSinceOk) {
    static final History NONE = new History(Optional.empty(), Optional.empty(), 0);
  }

  /**
   * The request for a target: linked to its post, the run (if any) and its evidence item, with what the harvest
   * read (date, counts of the latest snapshot) for the band; a social post must show its date and counts (one
   * known without either is captured like an article), a news article those of them the harvest read; a watched
   * page is asked for nothing.
   * @throws IllegalArgumentException when the stored URL is not an http(s) URL
   */
  public static CaptureRequest request(Target t, Optional<Long> runId) {
    URI uri;
    try {
      uri = new URI(t.url().strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot capture '" + t.url() + "': not a URL (" + e.getMessage() + ")", e);
    }
    CaptureRequest r = CaptureRequest.of(uri).linkedTo(t.postId().orElse(null), runId.orElse(null),
        t.evidenceId().orElse(null));
    if (t.channelCode().isPresent()) {
      r = r.withChannel(t.channelCode().get(), t.channelName().orElse(null));
    }
    ShownFacts known = ShownFacts.known(t.postedAt().orElse(null), t.postedAtText().orElse(null), t.counts());
    // A post read without date or counts (a Zalo OA article seen on the public profile) has none to show.
    if (t.kind().isPresent() && SOCIAL.contains(t.kind().get()) && !known.isEmpty()) {
      r = r.asPost(known);
    } else if (t.postId().isPresent() && !known.isEmpty() && t.kind().orElse(null) != ChannelKind.WEB_PAGE) {
      // A watched page's "post" is the watch day, not a date the page shows: its band says the day, nothing is asked.
      r = r.withFacts(known);
    }
    return t.watch().isPresent() ? r.withWatch(t.watch().get()) : r;
  }

  /**
   * The posts of a channel that may be due: the given ones (new in this run), those posted or first seen
   * since {@code since} and not gone, and for a watched page the posts seen since {@code seenSince}. In id order,
   * given ones first.
   */
  public List<Target> candidates(long channelId, Collection<Long> newPostIds, Instant since, Instant seenSince) {
    return db.inTransaction(s -> {
      Channel channel = s.get(Channel.class, channelId);
      List<Post> posts = new ArrayList<>();
      for (List<Long> chunk : chunks(List.copyOf(newPostIds))) {
        posts.addAll(s.createQuery("from Post p where p.id in (:ids) order by p.id", Post.class)
            .setParameter("ids", chunk).getResultList());
      }
      String recent = channel.getKind() == ChannelKind.WEB_PAGE
          ? "from Post p where p.channel.id = :c and p.lastSeenAt >= :t order by p.id"
          : "from Post p where p.channel.id = :c and p.gone = false and coalesce(p.postedAt, p.firstSeenAt) >= :t "
              + "order by p.id";
      Instant from = channel.getKind() == ChannelKind.WEB_PAGE ? seenSince : since;
      Set<Long> seen = new HashSet<>(newPostIds);
      for (Post p : s.createQuery(recent, Post.class).setParameter("c", channelId).setParameter("t", from)
          .getResultList()) {
        if (seen.add(p.getId())) {
          posts.add(p);
        }
      }
      return targets(s, channel, posts);
    });
  }

  /** The capture histories of the given posts. */
  public Map<Long, History> histories(Collection<Long> postIds) {
    return db.inTransaction(s -> {
      Map<Long, History> out = new HashMap<>();
      for (List<Long> chunk : chunks(List.copyOf(postIds))) {
        List<Object[]> rows = s.createQuery("select c.post.id, c.capturedAt, c.status from Capture c "
            + "where c.post.id in (:ids) order by c.capturedAt, c.id", Object[].class)
            .setParameter("ids", chunk).getResultList();
        for (Object[] row : rows) {
          long post = (Long) row[0];
          CapturePolicy.LastCapture c = new CapturePolicy.LastCapture((Instant) row[1],
              CaptureStatus.OK.code().equals(row[2]));
          History h = out.getOrDefault(post, History.NONE);
          out.put(post, c.ok() ? new History(Optional.of(c), Optional.of(c), 0)
              : new History(h.lastOk(), Optional.of(c), h.failedSinceOk() + 1));
        }
      }
      return out;
    });
  }

  /**
   * The target of an evidence item: its post (or watched page), else its own URL.
   * @throws IllegalArgumentException for an unknown id or an uploaded item without a URL
   */
  public Target forEvidence(long evidenceId) {
    return db.inTransaction(s -> {
      Evidence e = s.get(Evidence.class, evidenceId);
      if (e == null) {
        throw new IllegalArgumentException("không có minh chứng #" + evidenceId + " (unknown evidence id)");
      }
      if (e.getPost() != null) {
        Post p = e.getPost();
        return targets(s, p.getChannel(), List.of(p)).get(0);
      }
      if (e.getUrl() == null || e.getUrl().isBlank()) {
        throw new IllegalArgumentException("minh chứng #" + evidenceId + " là tệp tải lên, không có địa chỉ trang "
            + "để chụp lại (uploaded evidence without URL)");
      }
      Optional<String> channel = Optional.ofNullable(e.getChannel()).map(Channel::getCode);
      return new Target(Optional.empty(), Optional.of(evidenceId), e.getUrl(), channel,
          Optional.ofNullable(e.getChannel()).map(Channel::getName), Optional.empty(),
          e.getCreatedAt(), Optional.ofNullable(e.getOccurredAt()), Optional.empty(), Map.of(), Optional.empty(),
          Optional.empty());
    });
  }

  private static List<Target> targets(Session s, Channel channel, List<Post> posts) {
    if (posts.isEmpty()) {
      return List.of();
    }
    List<Long> ids = posts.stream().map(Post::getId).toList();
    Map<Long, Long> evidence = new HashMap<>();
    Map<Long, MetricSnapshot> latest = new HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      for (Object[] row : s.createQuery("select e.post.id, e.id from Evidence e where e.post.id in (:ids)",
          Object[].class).setParameter("ids", chunk).getResultList()) {
        evidence.putIfAbsent((Long) row[0], (Long) row[1]);
      }
      for (MetricSnapshot m : s.createQuery("from MetricSnapshot m where m.post.id in (:ids) "
          + "order by m.observedAt, m.id", MetricSnapshot.class).setParameter("ids", chunk).getResultList()) {
        latest.put(m.getPost().getId(), m);
      }
    }
    Optional<Instant> watchUntil = channel.getKind() == ChannelKind.WEB_PAGE
        ? watchTo(channel) : Optional.empty();
    List<Target> out = new ArrayList<>();
    for (Post p : posts) {
      out.add(new Target(Optional.of(p.getId()), Optional.ofNullable(evidence.get(p.getId())), p.getUrl(),
          Optional.of(channel.getCode()), Optional.ofNullable(channel.getName()), Optional.of(channel.getKind()),
          p.getFirstSeenAt(),
          Optional.ofNullable(p.getPostedAt()), Optional.ofNullable(p.getPostedAtText()),
          counts(latest.get(p.getId())), watchUntil, channel.getKind() == ChannelKind.WEB_PAGE
              ? watch(channel, p) : Optional.empty()));
    }
    return out;
  }

  /**
   * The counts of a snapshot by {@link ShownFacts} key, as text: exact ones as digits, shortened ones as the page
   * showed them ({@link VietnameseCounts#shown}); unknown (hidden) counts are left out.
   */
  static Map<String, String> counts(MetricSnapshot m) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m == null) {
      return out;
    }
    putIfKnown(out, "reactions", m.getReactions(), m.getReactionsMax());
    putIfKnown(out, "comments", m.getComments(), m.getCommentsMax());
    putIfKnown(out, "shares", m.getShares(), m.getSharesMax());
    putIfKnown(out, "views", m.getViews(), m.getViewsMax());
    putIfKnown(out, "likes", m.getLikes(), m.getLikesMax());
    return out;
  }

  private static void putIfKnown(Map<String, String> out, String key, Long value, Long max) {
    if (value != null) {
      out.put(key, max == null || max.equals(value) ? Long.toString(value) : VietnameseCounts.shown(value, max));
    }
  }

  /**
   * The end of the watch period ({@code options.watchTo}, inclusive, Asia/Ho_Chi_Minh), read as the watch
   * connector reads it.
   */
  private static Optional<Instant> watchTo(Channel c) {
    try {
      return PageWatchConnector.watchEnd(HarvestRunService.spec(c))
          .map(day -> day.plusDays(1).atStartOfDay(Settings.ZONE).toInstant().minusSeconds(1));
    } catch (ConnectorException e) {
      // The watch connector rejects such a channel with a message naming the option; no run reaches here.
      return Optional.empty();
    }
  }

  /**
   * What a watched page must show on the day of its watch post ({@code watch:yyyy-MM-dd}), read from the channel's
   * options as the watch connector reads them; empty for any other post.
   */
  private static Optional<PageWatch> watch(Channel c, Post p) {
    try {
      var spec = HarvestRunService.spec(c);
      if (spec.option("watchSelector").isEmpty() && spec.option("watchText").isEmpty()) {
        return Optional.empty();
      }
      String id = p.getPlatformId() == null ? "" : p.getPlatformId();
      if (!id.startsWith("watch:")) {
        return Optional.empty();
      }
      java.time.LocalDate day = java.time.LocalDate.parse(id.substring(6));
      return Optional.of(new PageWatch(spec.option("watchSelector"), spec.option("watchText"), day,
          PageWatchConnector.watchStart(spec), PageWatchConnector.watchEnd(spec)));
    } catch (ConnectorException | java.time.format.DateTimeParseException e) {
      // The watch connector rejects such a channel with a message naming the option; no run reaches here.
      return Optional.empty();
    }
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
    }
    return out;
  }
}
