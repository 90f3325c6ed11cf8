package vn.minhchung.storage.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The process that owns a harvest run: its pid and start time on the run's host. The start time tells a live
 * owner from a new process that was given the same pid after the owner died.
 */
public record RunOwner(long pid, Optional<Instant> startedAt) {

  public static RunOwner current() {
    return of(ProcessHandle.current());
  }

  /** This host's name as recorded in {@code harvest_run.node}. */
  public static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
    }
  }

  static RunOwner of(ProcessHandle p) {
    return new RunOwner(p.pid(), p.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.MILLIS)));
  }

  /** True when this process still runs on this host: same pid, same start time when both are known. */
  public boolean isAlive() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(RunOwner::of)
        .map(live -> startedAt.isEmpty() || live.startedAt().isEmpty() || live.startedAt().equals(startedAt))
        .orElse(false);
  }
}
