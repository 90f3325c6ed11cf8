package vn.minhchung.harvester.spec;

import java.util.List;

/** Where a connector finds the duration bounds that apply to a channel (see {@link DurationSpecs#fromDatabase}). */
@FunctionalInterface
public interface DurationTargets {
  /** No plan targets: nothing is flagged. */
  DurationTargets NONE = channelId -> List.of();

  List<DurationBounds> forChannel(long channelId);
}
