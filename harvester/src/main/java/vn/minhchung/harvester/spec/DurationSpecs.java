package vn.minhchung.harvester.spec;

import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.DurationRule;
import vn.minhchung.storage.registry.PlanTarget;

/**
 * Reads the duration bounds that apply to a channel: the targets with a minimum or maximum duration of plan
 * items whose lead unit or one of whose cooperating units owns the channel.
 */
public final class DurationSpecs {
  private DurationSpecs() {}

  public static List<DurationBounds> boundsFor(Session session, long channelId) {
    List<PlanTarget> targets = DurationRule.boundedTargets(session, channelId);
    return targets.stream().map(t -> new DurationBounds(seconds(t.getMinDuration()), seconds(t.getMaxDuration()),
        t.getDescription())).toList();
  }

  /** The flags for a post of the channel with this duration: {@code duration_out_of_spec} or none. */
  public static Set<String> flagsFor(Session session, long channelId, Integer durationSeconds) {
    return DurationSpec.flags(durationSeconds, boundsFor(session, channelId));
  }

  /** Looks the bounds up in the database, one short transaction per channel harvest. */
  public static DurationTargets fromDatabase(Database database) {
    return channelId -> database.inTransaction(s -> boundsFor(s, channelId));
  }

  private static Integer seconds(java.time.Duration d) {
    return d == null ? null : Math.toIntExact(d.getSeconds());
  }
}
