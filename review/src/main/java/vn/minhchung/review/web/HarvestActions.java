package vn.minhchung.review.web;

/**
 * What the web UI asks of the harvester, which the review module must not depend on. {@code serve} passes an
 * implementation; without one the "Thu thập ngay" and "Chụp lại" buttons are not shown.
 * Implementations start the work in the background and return at once; failures end up in harvest_run rows
 * (harvests) or capture rows (captures). A link added by hand is evidence whose own URL {@link #captureAgain}
 * captures.
 */
public interface HarvestActions {
  /** Starts one harvest run of the channel now (trigger kind {@code manual}). */
  void harvestNow(String channelCode);

  /** Starts a new capture of the evidence item's post URL; the new capture becomes the evidence's latest. */
  void captureAgain(long evidenceId);

  /**
   * Why the capture service would refuse to open this address (a loopback or private-network host not allowed by
   * {@code http.allowHosts}), as technical text; empty when it may be opened. Asked before a link is added by hand.
   */
  java.util.Optional<String> refusal(java.net.URI url);
}
