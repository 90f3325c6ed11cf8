package vn.minhchung.harvester.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;

/** An in-memory {@link HarvestContext} for connector tests and benchmarks: records what the connector emits. */
public final class RecordingContext implements HarvestContext {
  /** A problem as reported by a connector. */
  public record Problem(String url, String reasonCode, String message) {}

  private final Clock clock;
  private final Settings settings;
  private final Instant windowStart;
  private final List<KnownPost> toRefresh;
  public final List<HarvestedPost> accepted = new ArrayList<>();
  public final List<Problem> problems = new ArrayList<>();
  public final Map<String, String> gone = new LinkedHashMap<>();
  public final List<ChannelFacts> snapshots = new ArrayList<>();

  public RecordingContext(Clock clock, Settings settings, Instant windowStart, List<KnownPost> toRefresh) {
    this.clock = clock;
    this.settings = settings;
    this.windowStart = windowStart;
    this.toRefresh = List.copyOf(toRefresh);
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
  public synchronized void accept(HarvestedPost post) {
    accepted.add(post);
  }

  @Override
  public List<KnownPost> postsToRefresh() {
    return toRefresh;
  }

  @Override
  public synchronized void markGone(String platformId, String reason) {
    gone.put(platformId, reason);
  }

  @Override
  public synchronized void channelSnapshot(ChannelFacts facts) {
    snapshots.add(facts);
  }

  @Override
  public synchronized void problem(String url, String reasonCode, String message) {
    problems.add(new Problem(url, reasonCode, message));
  }

  public Optional<HarvestedPost> post(String platformId) {
    return accepted.stream().filter(p -> p.platformId().equals(platformId)).findFirst();
  }
}
