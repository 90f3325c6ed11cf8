package vn.minhchung.harvester.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.minhchung.config.settings.Settings;

/** What the harvest-run service gives a connector for one run of one channel. */
public interface HarvestContext {

  Clock clock();

  Settings settings();

  /** Posts older than this are outside the harvest window: stop paging once passed. */
  Instant windowStart();

  /** Stores (or updates) one post and a snapshot of its counts when they changed. */
  void accept(HarvestedPost post);

  /** Stored posts whose counts are due for a refresh (young posts every run, older ones weekly). */
  List<KnownPost> postsToRefresh();

  /** Marks a stored post as gone (deleted or no longer visible on the platform); it is never deleted here. */
  void markGone(String platformId, String reason);

  /** Records a problem with one item (URL may be null); the run goes on. */
  void problem(String url, String reasonCode, String message);
}
