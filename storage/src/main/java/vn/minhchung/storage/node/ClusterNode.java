package vn.minhchung.storage.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One row of {@code cluster_node}: a {@code serve} process as it last reported itself. */
public record ClusterNode(String name, NodeRole role, String version, String host, Optional<String> webAddress,
    Instant startedAt, Instant lastHeartbeatAt, Optional<Instant> stoppedAt) {

  /** Running, silent (no beat for {@code silentAfter}) or stopped cleanly. */
  public enum State { RUNNING, SILENT, STOPPED }

  public State state(Instant now, Duration silentAfter) {
    if (stoppedAt.isPresent()) {
      return State.STOPPED;
    }
    return lastHeartbeatAt.plus(silentAfter).isBefore(now) ? State.SILENT : State.RUNNING;
  }
}
