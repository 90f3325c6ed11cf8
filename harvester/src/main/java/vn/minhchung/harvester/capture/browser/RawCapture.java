package vn.minhchung.harvester.capture.browser;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import vn.minhchung.harvester.capture.PageVerdict.Verdict;

/**
 * What the browser produced for one page, before anything is stored. Images and HTML are absent when the
 * page never rendered (crash, connection refused). {@code verdict} is empty when the page is the content. For a
 * watched page ({@link vn.minhchung.harvester.capture.PageWatch}) {@code elementPng} is the element in its page
 * context, or the top of the page, and {@code elementSelector} is present only when the element was found.
 */
public record RawCapture(Instant capturedAt, String finalUrl, int httpStatus, Optional<Verdict> verdict,
    Optional<byte[]> elementPng, Optional<String> elementSelector, String elementText, String elementHtml,
    Optional<byte[]> fullPagePng, int documentHeight, int fullPageHeight, Optional<String> html,
    Optional<Path> har, String viewport) {}
