package vn.minhchung.harvester.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.RunOwner;
import vn.minhchung.storage.registry.Channel;

/**
 * Runs one harvest of one channel: records a {@code harvest_run}, hands the channel to the first connector
 * (in registration order) that accepts it, stores what it emits through a {@link RunRecorder}, closes the run
 * as success / partial / failed / skipped and tells the {@link RunListener}s. Never throws for a failing
 * channel; {@link #harvestAll} goes on after any failure.
 */
public final class HarvestRunService implements ChannelHarvester {
  private static final Logger LOG = LoggerFactory.getLogger(HarvestRunService.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Settings settings;
  private final Clock clock;
  private final BlobStore blobs;
  private final List<Connector> connectors;
  private final List<RunListener> listeners;
  private final String node;

  public HarvestRunService(Database db, Settings settings, Clock clock, BlobStore blobs, List<Connector> connectors,
      List<RunListener> listeners) {
    this.db = db;
    this.settings = settings;
    this.clock = clock;
    this.blobs = blobs;
    this.connectors = List.copyOf(connectors);
    this.listeners = List.copyOf(listeners);
    this.node = RunOwner.host();
  }

  public HarvestRunService(Database db, Settings settings, Clock clock, BlobStore blobs, List<Connector> connectors) {
    this(db, settings, clock, blobs, connectors, List.of());
  }

  /** One run of the channel now. @throws NoSuchChannelException when the code is not registered */
  @Override
  public RunSummary harvest(String channelCode, RunOptions options) {
    Channel channel = db.inTransaction(s -> s.createQuery("from Channel c join fetch c.unit where c.code = :code",
        Channel.class).setParameter("code", channelCode).uniqueResult());
    if (channel == null) {
      throw new NoSuchChannelException(channelCode);
    }
    return run(channel, options);
  }

  /** One run of every active channel, by code; a failing channel never stops the others. */
  public List<RunSummary> harvestAll(RunOptions options) {
    List<Channel> channels = db.inTransaction(s -> s.createQuery(
        "from Channel c join fetch c.unit where c.active = true order by c.code", Channel.class).getResultList());
    List<RunSummary> out = new ArrayList<>();
    for (Channel c : channels) {
      try {
        out.add(run(c, options));
      } catch (RuntimeException e) {
        // Only the database itself can fail here (the run could not even be recorded); go on with the others.
        LOG.error("channel {}: the run could not be recorded", c.getCode(), e);
      }
    }
    return out;
  }

  /** Adds captures made by a listener to the run's count. */
  public void addCaptures(long runId, int captures) {
    db.runInTransaction(s -> s.createMutationQuery("update HarvestRun r set r.captures = r.captures + :n where r.id = :id")
        .setParameter("n", captures).setParameter("id", runId).executeUpdate());
  }

  private RunSummary run(Channel channel, RunOptions options) {
    Instant started = clock.instant();
    long runId = db.inTransaction(s -> {
      HarvestRun r = new HarvestRun(s.getReference(Channel.class, channel.getId()), started, options.trigger(), node);
      s.persist(r);
      s.flush();
      return r.getId();
    });
    MDC.put("channel", channel.getCode());
    MDC.put("run", Long.toString(runId));
    try {
      RunRecorder recorder = new RunRecorder(db, settings, clock, blobs, channel.getId(), channel.getKind(), runId);
      ConnectorException failure = null;
      String unexpected = null;
      try {
        ChannelSpec spec = spec(channel);
        Connector connector = connectors.stream().filter(c -> c.accepts(spec)).findFirst()
            .orElseThrow(() -> new ConnectorException(ConnectorException.Kind.CONFIG,
                "chưa có bộ thu thập cho loại kênh " + channel.getKind().code() + " (no connector accepts it)"));
        LOG.info("harvest starts with {}", connector.getClass().getSimpleName());
        connector.harvest(spec, recorder);
      } catch (ConnectorException e) {
        failure = e;
        LOG.warn("harvest failed ({}): {}", e.kind(), e.getMessage());
      } catch (RuntimeException e) {
        unexpected = "lỗi không mong đợi: " + e;
        LOG.error("harvest failed unexpectedly", e);
      }
      RunSummary summary = finish(runId, channel.getCode(), started, recorder, failure, unexpected);
      LOG.info("harvest ends: {} ({} new, {} updated, {} problems)", summary.status().code(), summary.newPosts(),
          summary.updatedPosts(), summary.failedItems());
      notifyListeners(summary, options, recorder.newPostIds());
      return withCaptures(summary);
    } finally {
      MDC.remove("channel");
      MDC.remove("run");
    }
  }

  private RunSummary finish(long runId, String code, Instant started, RunRecorder r, ConnectorException failure,
      String unexpected) {
    HarvestRun.Status status;
    String error;
    if (failure != null && failure.kind() == ConnectorException.Kind.BLOCKED) {
      status = HarvestRun.Status.BLOCKED;
      error = "blocked: " + failure.getMessage();
    } else if (failure != null) {
      status = HarvestRun.Status.FAILED;
      error = failure.kind().name().toLowerCase(Locale.ROOT) + ": " + failure.getMessage();
    } else if (unexpected != null) {
      status = HarvestRun.Status.FAILED;
      error = unexpected;
    } else if (r.skipReason() != null) {
      status = HarvestRun.Status.SKIPPED;
      error = r.skipReason();
    } else {
      status = r.failedItems() > 0 ? HarvestRun.Status.PARTIAL : HarvestRun.Status.SUCCESS;
      error = null;
    }
    Instant ended = clock.instant();
    int newPosts = r.newPostIds().size();
    db.runInTransaction(s -> s.get(HarvestRun.class, runId).finish(status, ended, newPosts, r.updatedPosts(),
        r.failedItems(), r.snapshots(), 0, error));
    return new RunSummary(runId, code, status, started, ended, newPosts, r.updatedPosts(), r.failedItems(),
        r.snapshots(), 0, error, Optional.ofNullable(failure).map(ConnectorException::kind),
        Optional.ofNullable(failure).flatMap(ConnectorException::retryAfter));
  }

  /** The summary with the captures the listeners added to the run. */
  private RunSummary withCaptures(RunSummary r) {
    int captures = db.inTransaction(s -> s.get(HarvestRun.class, r.runId()).getCaptures());
    return captures == r.captures() ? r : new RunSummary(r.runId(), r.channelCode(), r.status(), r.startedAt(),
        r.endedAt(), r.newPosts(), r.updatedPosts(), r.failedItems(), r.snapshots(), captures, r.error(),
        r.failureKind(), r.retryAfter());
  }

  private void notifyListeners(RunSummary summary, RunOptions options, List<Long> newPostIds) {
    for (RunListener l : listeners) {
      try {
        l.afterRun(summary, options, newPostIds);
      } catch (RuntimeException e) {
        LOG.error("run listener {} failed", l.getClass().getName(), e);
      }
    }
  }

  /** The connector's view of a channel; options_json values that are lists become space-separated text. */
  public static ChannelSpec spec(Channel c) throws ConnectorException {
    Map<String, String> options = new LinkedHashMap<>();
    String json = c.getOptionsJson();
    if (json != null && !json.isBlank()) {
      JsonNode node;
      try {
        node = JSON.readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ConnectorException(ConnectorException.Kind.CONFIG,
            "kênh " + c.getCode() + ": tuỳ chọn (options_json) không phải JSON hợp lệ: " + e.getOriginalMessage());
      }
      if (!node.isObject()) {
        throw new ConnectorException(ConnectorException.Kind.CONFIG,
            "kênh " + c.getCode() + ": tuỳ chọn (options_json) phải là một đối tượng JSON");
      }
      node.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().isArray()
          ? String.join(" ", StreamSupport.stream(e.getValue().spliterator(), false).map(JsonNode::asText).toList())
          : e.getValue().asText()));
    }
    return new ChannelSpec(c.getId(), c.getCode(), c.getUnit().getCode(), c.getKind(), c.getName(), c.getUrl(),
        Optional.ofNullable(c.getPlatformId()).filter(p -> !p.isBlank()), options);
  }
}
