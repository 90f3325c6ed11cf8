package vn.minhchung.review.web;

/**
 * What the web UI asks of the harvester, which the review module must not depend on. {@code serve} passes an
 * implementation; without one the "Thu thập ngay" and "Chụp lại" buttons are not shown.
 * Implementations start the work in the background and return at once; failures end up in harvest_run rows.
 */
public interface HarvestActions {
  /** Starts one harvest run of the channel now (trigger kind {@code manual}). */
  void harvestNow(String channelCode);

  /** Starts a new capture of the evidence item's post URL; the new capture becomes the evidence's latest. */
  void captureAgain(long evidenceId);
}
