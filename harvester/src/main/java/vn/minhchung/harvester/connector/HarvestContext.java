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

  /**
   * Ends the run as {@code skipped} with a reason for staff (e.g. a page watch outside its period); the
   * connector returns right after calling it. Added after the first contract: contexts that cannot record a
   * skip (test fakes) keep this default.
   */
  default void skip(String reason) {
    throw new UnsupportedOperationException("this harvest context cannot record a skipped run: " + reason);
  }

  /**
   * Keeps a file for the already accepted post {@code platformId} (e.g. the HTML of a watched page) in the blob
   * store and on the post's evidence; returns its SHA-256. Added after the first contract, default like
   * {@link #skip}.
   */
  default String keepFile(String platformId, byte[] bytes, String mediaType, String fileName) {
    throw new UnsupportedOperationException("this harvest context cannot keep files (post " + platformId + ")");
  }

  /**
   * What the channel's own page showed (name, verified mark, followers), stored as a {@code channel_snapshot} of
   * this run. Added after the first contract, default like {@link #skip}.
   */
  default void channelSnapshot(ChannelFacts facts) {
    throw new UnsupportedOperationException("this harvest context cannot record channel facts: " + facts);
  }

  /** A channel page's facts; null where the page did not show one. {@code source}: e.g. {@code public_page}. */
  record ChannelFacts(String source, String name, Boolean verified, Long followers, String followersText) {}
}
