package vn.minhchung.storage.evidence;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hibernate.Session;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.PlanTarget;

/**
 * The "thời lượng ngoài khoảng" rule: a video's duration is checked only against the targets with duration
 * bounds that ask for its component and its kind (or for any kind), of plan items whose lead or cooperating
 * unit owns its channel. It is out of bounds when such targets exist and it fits none of them; a 3D
 * infographic clip is thus never held to the 5–10 minutes of the reportage clips.
 */
public final class DurationRule {
  /** Flag put on a post whose duration is outside the bounds of every target that applies to it. */
  public static final String OUT_OF_SPEC = "duration_out_of_spec";

  private DurationRule() {}

  /** The targets with a minimum or maximum duration of items whose lead or cooperating unit owns the channel. */
  public static List<PlanTarget> boundedTargets(Session session, long channelId) {
    return session.createSelectionQuery(
            "select distinct t from PlanTarget t join t.planItem i left join i.cooperating c, Channel ch "
                + "where ch.id = :channel "
                + "and (t.minDurationSeconds is not null or t.maxDurationSeconds is not null) "
                + "and (i.lead = ch.unit or c = ch.unit)", PlanTarget.class)
        .setParameter("channel", channelId)
        .getResultList();
  }

  /** True when the target's bounds apply to evidence of this component and kind code. */
  public static boolean applies(PlanTarget t, int component, String kind) {
    return t.getComponent() == component && (t.getKind() == null || t.getKind().equals(kind))
        && (t.getMinDuration() != null || t.getMaxDuration() != null);
  }

  /** True when the duration lies in the target's bounds (a null bound is open). */
  public static boolean fits(PlanTarget t, int seconds) {
    return (t.getMinDuration() == null || seconds >= t.getMinDuration().getSeconds())
        && (t.getMaxDuration() == null || seconds <= t.getMaxDuration().getSeconds());
  }

  /** Whether a duration of evidence of this component and kind is out of the applicable targets' bounds. */
  public static boolean outOfBounds(List<PlanTarget> targets, int component, String kind, Integer seconds) {
    if (seconds == null) {
      return false;
    }
    List<PlanTarget> applicable = targets.stream().filter(t -> applies(t, component, kind)).toList();
    return !applicable.isEmpty() && applicable.stream().noneMatch(t -> fits(t, seconds));
  }

  /**
   * Sets or clears {@link #OUT_OF_SPEC} on the evidence's post from its component and kind; uploads and posts of
   * channels without targets are left alone. Returns true when the post's flags changed.
   */
  public static boolean apply(Session session, Evidence e) {
    if (e.getPost() == null || e.getChannel() == null) {
      return false;
    }
    return apply(e, boundedTargets(session, e.getChannel().getId()));
  }

  /** {@link #apply(Session, Evidence)} with the channel's {@link #boundedTargets} already read. */
  public static boolean apply(Evidence e, List<PlanTarget> channelTargets) {
    Post post = e.getPost();
    if (post == null) {
      return false;
    }
    boolean out = outOfBounds(channelTargets, e.getComponent(), e.getKind(), post.getDurationSeconds());
    String flags = withFlag(post.getFlags(), out);
    if (Objects.equals(flags, post.getFlags())) {
      return false;
    }
    post.setFlags(flags);
    return true;
  }

  /** The comma-separated flags with {@link #OUT_OF_SPEC} set or removed; null when none is left. */
  public static String withFlag(String flags, boolean out) {
    TreeSet<String> set = new TreeSet<>(flags == null || flags.isBlank() ? List.of() : List.of(flags.split(",")));
    if (out) {
      set.add(OUT_OF_SPEC);
    } else {
      set.remove(OUT_OF_SPEC);
    }
    return set.isEmpty() ? null : String.join(",", set);
  }
}
