package vn.minhchung.harvester.schedule;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;

/**
 * How many runs of one channel kind may run at once on this node ({@code schedule.maxConcurrent.<kind>}),
 * shared by all jobs of the node. Request pacing inside a run (per-host delay, YouTube quota) stays in the
 * connectors; this only keeps, say, ten Facebook pages from hitting the Graph API together.
 */
public final class PlatformLimits {
  private final Map<ChannelKind, Semaphore> permits = new EnumMap<>(ChannelKind.class);

  public PlatformLimits(Map<ChannelKind, Integer> maxConcurrent) {
    for (ChannelKind k : ChannelKind.values()) {
      permits.put(k, new Semaphore(Math.max(1, maxConcurrent.getOrDefault(k, 1)), true));
    }
  }

  public static PlatformLimits fromSettings(Settings s) {
    Map<ChannelKind, Integer> max = new EnumMap<>(ChannelKind.class);
    for (ChannelKind k : ChannelKind.values()) {
      max.put(k, s.integer("schedule.maxConcurrent." + k.code()));
    }
    return new PlatformLimits(max);
  }

  /** Waits (interruptibly) for a slot of this kind; close the permit when the run ends. */
  public Permit acquire(ChannelKind kind) throws InterruptedException {
    Semaphore s = permits.get(kind);
    s.acquire();
    return s::release;
  }

  public int available(ChannelKind kind) {
    return permits.get(kind).availablePermits();
  }

  /** A held slot. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
