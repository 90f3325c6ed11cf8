package vn.minhchung.harvester.connector;

import java.util.Set;
import vn.minhchung.config.registry.ChannelKind;

/**
 * Harvests one channel of a platform: discovers posts inside the harvest window, emits each one (with counts)
 * to {@link HarvestContext#accept}, refreshes the counts of {@link HarvestContext#postsToRefresh()} and reports
 * per-item problems to {@link HarvestContext#problem}. A failure of the whole channel is thrown as a
 * {@link ConnectorException}; the harvest-run service records it and goes on with other channels.
 */
public interface Connector {

  /** The channel kinds this connector serves. */
  Set<ChannelKind> kinds();

  /**
   * Whether this connector serves the channel (e.g. a browser-based reader only for channels with option
   * {@code via: browser}). The first connector in registration order that accepts a channel harvests it.
   */
  default boolean accepts(ChannelSpec channel) {
    return kinds().contains(channel.kind());
  }

  void harvest(ChannelSpec channel, HarvestContext context) throws ConnectorException;
}
