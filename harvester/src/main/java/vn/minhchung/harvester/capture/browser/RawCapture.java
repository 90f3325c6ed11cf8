package vn.minhchung.harvester.capture.browser;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import vn.minhchung.harvester.capture.PageVerdict.Verdict;

/**
 * What the browser produced for one page, before anything is stored. Images and HTML are absent when the
 * page never rendered (crash, connection refused). {@code verdict} is empty when the page is the content.
 */
public record RawCapture(Instant capturedAt, String finalUrl, int httpStatus, Optional<Verdict> verdict,
    Optional<byte[]> elementPng, Optional<String> elementSelector, String elementText, String elementHtml,
    Optional<byte[]> fullPagePng, int documentHeight, int fullPageHeight, Optional<String> html,
    Optional<Path> har, String viewport) {}
