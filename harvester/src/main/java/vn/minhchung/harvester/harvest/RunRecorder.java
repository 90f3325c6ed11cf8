package vn.minhchung.harvester.harvest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.JsonBodies;
import vn.minhchung.harvester.connector.KnownPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.DurationRule;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.KindRules;
import vn.minhchung.storage.post.ChannelSnapshot;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * The {@link HarvestContext} of one run: each call is its own short transaction, so a long run never holds
 * locks and what was stored survives a later failure. Posts are unique by (channel, platform id); a snapshot
 * is added only when a count differs from the latest one.
 */
final class RunRecorder implements HarvestContext {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
  /** Older posts are refreshed at most this often. */
  static final Duration OLD_POST_REFRESH = Duration.ofDays(7);

  private final Database db;
  private final Settings settings;
  private final Clock clock;
  private final BlobStore blobs;
  private final long channelId;
  private final ChannelKind channelKind;
  private final long runId;
  private final Instant windowStart;
  private final List<Long> newPostIds = new ArrayList<>();
  private int updatedPosts;
  private int failedItems;
  private int snapshots;
  private String skipReason;
  private List<vn.minhchung.storage.registry.PlanTarget> boundedTargets;

  RunRecorder(Database db, Settings settings, Clock clock, BlobStore blobs, long channelId, ChannelKind channelKind,
      long runId) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    this.blobs = blobs;
    this.channelId = channelId;
    this.channelKind = channelKind;
    this.runId = runId;
    this.windowStart = clock.instant().minus(Duration.ofDays(settings.integer("harvest.windowDays")));
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public Instant windowStart() {
    return windowStart;
  }

  @Override
  public void accept(HarvestedPost harvested) {
    Instant now = clock.instant();
    int maxText = settings.integer("harvest.maxTextBytes");
    HarvestedPost p = TextCap.apply(harvested, maxText);
    if (p != harvested) {
      problem(p.url(), TextCap.FLAG, p.url() + ": nội dung bài dài " + TextCap.textBytes(harvested)
          + " byte, vượt giới hạn harvest.maxTextBytes (" + maxText + " byte); chỉ lưu phần đầu");
    }
    if (p.flags().contains(JsonBodies.COUNT_UNREADABLE)) {
      problem(p.url(), JsonBodies.COUNT_UNREADABLE, p.url() + ": nền tảng trả về số liệu tương tác không đọc được "
          + "(không phải số nguyên không âm, hoặc quá lớn); số liệu đó được lưu trống, không phải 0");
    }
    db.runInTransaction(s -> {
      Post post = find(s, p.platformId());
      if (post == null) {
        insert(s, p, now);
      } else {
        update(s, post, p, now);
      }
    });
  }

  private void insert(Session s, HarvestedPost p, Instant now) {
    Channel channel = s.get(Channel.class, channelId);
    Post post = new Post(channel, p.platformId(), p.kind().code(), p.url(), p.canonicalUrl(), now);
    copy(post, p);
    post.setLastRefreshedAt(now);
    s.persist(post);
    if (!p.counts().isEmpty()) {
      s.persist(snapshot(s, post, p.counts(), now));
      snapshots++;
    }
    Evidence e = new Evidence(component(p.kind()).number(), "harvested", evidenceTitle(p), now);
    e.setPost(post);
    e.setChannel(channel);
    e.setUnit(s.getReference(Unit.class, channel.getUnit().getId()));
    e.setUrl(p.canonicalUrl());
    e.setOccurredAt(p.postedAt());
    e.setSearchText(post.getSearchText());
    e.setKind(KindRules.of(post.getKind(), ruleText(p)).code(), null);
    s.persist(e);
    DurationRule.apply(e, boundedTargets(s));
    s.flush();
    newPostIds.add(post.getId());
  }

  private void update(Session s, Post post, HarvestedPost p, Instant now) {
    String before = fingerprint(post);
    Instant keptDate = post.getPostedAt();
    String keptDateText = post.getPostedAtText();
    copy(post, p);
    if (p.postedAt() == null && keptDate != null) {
      // A page that lost its date keeps the one read before.
      post.setPostedAt(keptDate);
      post.setPostedAtText(keptDateText);
      post.setFlags(keptFlagsWithout(post.getFlags(), "no_date"));
    }
    Evidence e = s.createQuery("from Evidence e where e.post.id = :id", Evidence.class)
        .setParameter("id", post.getId()).uniqueResult();
    if (e != null) {
      if (e.getKindBy() == null) {
        e.setKind(KindRules.of(post.getKind(), ruleText(p)).code(), null);
      }
      DurationRule.apply(e, boundedTargets(s));
    }
    boolean changed = !before.equals(fingerprint(post)) || post.isGone();
    post.markPresent();
    post.setLastSeenAt(now);
    if (!p.counts().isEmpty()) {
      post.setLastRefreshedAt(now);
      MetricSnapshot last = s.createQuery(
          "from MetricSnapshot m where m.post.id = :id order by m.observedAt desc, m.id desc", MetricSnapshot.class)
          .setParameter("id", post.getId()).setMaxResults(1).uniqueResult();
      if (last == null || !sameCounts(last, p.counts())) {
        s.persist(snapshot(s, post, p.counts(), now));
        snapshots++;
        changed = true;
      }
    }
    if (changed) {
      updatedPosts++;
      if (e != null && e.getOccurredAt() == null && post.getPostedAt() != null) {
        e.setOccurredAt(post.getPostedAt());
        e.setUpdatedAt(now);
      }
    }
  }

  private static void copy(Post post, HarvestedPost p) {
    post.setKind(p.kind().code());
    post.setUrl(p.url());
    post.setCanonicalUrl(p.canonicalUrl());
    post.setTitle(VietnameseText.nfc(p.title()));
    post.setLead(VietnameseText.nfc(p.lead()));
    post.setBody(VietnameseText.nfc(p.body()));
    post.setAuthor(VietnameseText.nfc(p.author()));
    post.setSection(VietnameseText.nfc(p.section()));
    post.setImageUrl(p.imageUrl());
    post.setPostedAt(p.postedAt());
    post.setPostedAtText(VietnameseText.nfc(p.postedAtText()));
    post.setDurationSeconds(p.durationSeconds());
    post.setFlags(p.flags().isEmpty() ? null : String.join(",", new TreeSet<>(p.flags())));
    post.setSearchText(VietnameseText.fold(String.join(" ", Objects.toString(p.title(), ""),
        Objects.toString(p.lead(), ""), Objects.toString(p.body(), ""))));
  }

  private static String keptFlagsWithout(String flags, String flag) {
    if (flags == null) {
      return null;
    }
    TreeSet<String> set = new TreeSet<>(List.of(flags.split(",")));
    set.remove(flag);
    return set.isEmpty() ? null : String.join(",", set);
  }

  private static String fingerprint(Post p) {
    return String.join("\u0001", Objects.toString(p.getKind()), Objects.toString(p.getUrl()),
        Objects.toString(p.getCanonicalUrl()), Objects.toString(p.getTitle()), Objects.toString(p.getLead()),
        Objects.toString(p.getBody()), Objects.toString(p.getAuthor()), Objects.toString(p.getSection()),
        Objects.toString(p.getImageUrl()), Objects.toString(p.getPostedAt()), Objects.toString(p.getPostedAtText()),
        Objects.toString(p.getDurationSeconds()), Objects.toString(p.getFlags()));
  }

  private static boolean sameCounts(MetricSnapshot m, Counts c) {
    return Objects.equals(m.getReactions(), c.reactions()) && Objects.equals(m.getComments(), c.comments())
        && Objects.equals(m.getShares(), c.shares()) && Objects.equals(m.getViews(), c.views())
        && Objects.equals(m.getLikes(), c.likes())
        && Objects.equals(m.getReactionsMax(), c.upper().get("reactions"))
        && Objects.equals(m.getCommentsMax(), c.upper().get("comments"))
        && Objects.equals(m.getSharesMax(), c.upper().get("shares"))
        && Objects.equals(m.getViewsMax(), c.upper().get("views"))
        && Objects.equals(m.getLikesMax(), c.upper().get("likes"));
  }

  private MetricSnapshot snapshot(Session s, Post post, Counts c, Instant now) {
    MetricSnapshot m = new MetricSnapshot(post, s.getReference(HarvestRun.class, runId), now, c.reactions(),
        c.comments(), c.shares(), c.views(), c.likes());
    m.setUpperBounds(c.upper());
    return m;
  }

  private EvidenceComponent component(PostKind kind) {
    if (kind == PostKind.PAGE_WATCH || channelKind == ChannelKind.WEB_PAGE) {
      return EvidenceComponent.VISUAL_DESIGN;
    }
    return channelKind == ChannelKind.NEWS_SITE ? EvidenceComponent.NEWS_LINK : EvidenceComponent.SOCIAL_SCREENSHOT;
  }

  /** The channel's targets with duration bounds, read once per run. */
  private List<vn.minhchung.storage.registry.PlanTarget> boundedTargets(Session s) {
    if (boundedTargets == null) {
      boundedTargets = DurationRule.boundedTargets(s, channelId);
    }
    return boundedTargets;
  }

  /** The text the kind rules read: title, lead and body. */
  private static String ruleText(HarvestedPost p) {
    return String.join(" ", Objects.toString(p.title(), ""), Objects.toString(p.lead(), ""),
        Objects.toString(p.body(), ""));
  }

  private static String evidenceTitle(HarvestedPost p) {
    String t = p.title() == null || p.title().isBlank() ? p.canonicalUrl() : VietnameseText.nfc(p.title()).strip();
    return t.length() > 2000 ? t.substring(0, 2000) : t;
  }

  private Post find(Session s, String platformId) {
    return s.createQuery("from Post p where p.channel.id = :c and p.platformId = :p", Post.class)
        .setParameter("c", channelId).setParameter("p", platformId).uniqueResult();
  }

  @Override
  public List<KnownPost> postsToRefresh() {
    Instant now = clock.instant();
    Instant young = now.minus(Duration.ofDays(settings.integer("harvest.refreshDays")));
    Instant stale = now.minus(OLD_POST_REFRESH);
    return db.inTransaction(s -> s.createQuery("""
            from Post p where p.channel.id = :c and p.gone = false
              and (coalesce(p.postedAt, p.firstSeenAt) >= :young
                   or p.lastRefreshedAt is null or p.lastRefreshedAt <= :stale)
            order by p.id""", Post.class)
        .setParameter("c", channelId).setParameter("young", young).setParameter("stale", stale)
        .getResultList().stream()
        .map(p -> new KnownPost(p.getPlatformId(), p.getUrl(), p.getPostedAt(), p.getLastRefreshedAt()))
        .toList());
  }

  @Override
  public void markGone(String platformId, String reason) {
    Instant now = clock.instant();
    db.runInTransaction(s -> {
      Post post = find(s, platformId);
      if (post != null && !post.isGone()) {
        post.markGone(now);
        updatedPosts++;
        LOG.info("post {} marked gone: {}", platformId, reason);
      }
    });
  }

  @Override
  public void problem(String url, String reasonCode, String message) {
    Instant now = clock.instant();
    failedItems++;
    LOG.warn("problem {} at {}: {}", reasonCode, url, message);
    db.runInTransaction(s -> s.persist(new RunProblem(s.getReference(HarvestRun.class, runId), now,
        url == null ? null : truncate(url, 2000), reasonCode, message)));
  }

  @Override
  public void channelSnapshot(ChannelFacts f) {
    Instant now = clock.instant();
    db.runInTransaction(s -> s.persist(new ChannelSnapshot(s.getReference(Channel.class, channelId),
        s.getReference(HarvestRun.class, runId), now, f.source(), f.name() == null ? null : truncate(f.name(), 500),
        f.verified(), f.followers(), f.followersText() == null ? null : truncate(f.followersText(), 100))));
  }

  @Override
  public void skip(String reason) {
    this.skipReason = reason;
  }

  @Override
  public String keepFile(String platformId, byte[] bytes, String mediaType, String fileName) {
    BlobRef ref = blobs.put(bytes, mediaType);
    Instant now = clock.instant();
    db.runInTransaction(s -> {
      BlobStore.record(s, ref, now);
      Post post = find(s, platformId);
      if (post == null) {
        throw new IllegalStateException("keepFile before accept: no post " + platformId + " in channel " + channelId);
      }
      Evidence e = s.createQuery("from Evidence e where e.post.id = :id", Evidence.class)
          .setParameter("id", post.getId()).uniqueResult();
      if (e != null) {
        e.setBlobSha(ref.sha256());
        e.setMediaType(mediaType);
        e.setFileName(fileName);
        e.setUpdatedAt(now);
      }
    });
    return ref.sha256();
  }

  private static String truncate(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  List<Long> newPostIds() {
    return List.copyOf(newPostIds);
  }

  int updatedPosts() {
    return updatedPosts;
  }

  int failedItems() {
    return failedItems;
  }

  int snapshots() {
    return snapshots;
  }

  String skipReason() {
    return skipReason;
  }
}
