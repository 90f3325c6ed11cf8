package vn.minhchung.harvester.capture.browser;

import java.util.Optional;
import vn.minhchung.harvester.capture.PageVerdict.Verdict;

/** A page as the browser rendered it: final URL, HTTP status, the verdict (empty: content), and the DOM. */
public record RenderedPage(String finalUrl, int httpStatus, Optional<Verdict> verdict, String html) {}
