package vn.minhchung.harvester.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;

/** Builds {@code capture.json}: what was captured, when, with what, and the SHA-256 of every other file. */
final class CaptureManifest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", java.util.Locale.ROOT);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", java.util.Locale.ROOT);

  private CaptureManifest() {}

  /** Full-page screenshot geometry: the document height and the height kept (clipped when taller than the cap). */
  record FullPage(int documentHeight, int height) {}

  static byte[] build(CaptureRequest req, String finalUrl, int httpStatus, Instant capturedAt, CaptureStatus status,
      String detail, ShownFacts facts, Optional<OffsetDateTime> postedAt, String browserVersion, String toolVersion,
      String viewport, Optional<String> selector, Optional<FullPage> fullPage, List<CaptureResult.StoredFile> files) {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", req.url().toString());
    o.put("finalUrl", finalUrl);
    o.put("httpStatus", httpStatus);
    o.put("channel", req.channelCode().orElse(null));
    req.postId().ifPresentOrElse(id -> o.put("postId", id), () -> o.putNull("postId"));
    req.evidenceId().ifPresentOrElse(id -> o.put("evidenceId", id), () -> o.putNull("evidenceId"));
    o.put("postedAt", postedAt.map(OffsetDateTime::toString).orElse(null));
    o.put("postedAtText", facts.postedAtText().orElse(null));
    ObjectNode counts = o.putObject("counts");
    facts.counts().forEach(counts::put);
    OffsetDateTime at = capturedAt.atZone(Settings.ZONE).toOffsetDateTime();
    o.put("capturedAt", at.toString());
    o.put("capturedAtShown", SHOWN.format(at));
    o.put("status", status.code());
    o.put("statusDetail", detail);
    ObjectNode browser = o.putObject("browser");
    browser.put("name", "chromium");
    browser.put("version", browserVersion);
    o.put("tool", "minhchung-harvester");
    o.put("toolVersion", toolVersion);
    o.put("viewport", viewport);
    o.put("elementSelector", selector.orElse(null));
    req.watch().ifPresent(w -> {
      // A watched page's day: the dossier's banner series and 'verify' read it from here.
      ObjectNode n = o.putObject("watch");
      n.put("day", w.day().toString());
      n.put("from", w.from().map(Object::toString).orElse(null));
      n.put("to", w.to().map(Object::toString).orElse(null));
      n.put("selector", w.selector().orElse(null));
      n.put("text", w.text().orElse(null));
      n.put("found", selector.isPresent());
      n.put("periodDay", w.periodDay().orElse(null));
    });
    fullPage.ifPresent(f -> {
      ObjectNode fp = o.putObject("fullPage");
      fp.put("documentHeight", f.documentHeight());
      fp.put("height", f.height());
      fp.put("clipped", f.height() < f.documentHeight());
      if (f.height() < f.documentHeight()) {
        fp.put("note", "trang cao " + f.documentHeight() + " px; ảnh toàn trang chỉ giữ " + f.height()
            + " px đầu (capture.fullPageMaxHeight)");
      }
    });
    ArrayNode list = o.putArray("files");
    for (CaptureResult.StoredFile f : files) {
      ObjectNode n = list.addObject();
      n.put("name", f.name());
      n.put("sha256", f.blob().sha256());
      n.put("size", f.blob().size());
      n.put("mediaType", f.blob().mediaType());
    }
    try {
      return JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write capture.json: " + e.getMessage(), e);
    }
  }

  static String countsJson(ShownFacts facts) {
    ObjectNode counts = JSON.createObjectNode();
    facts.counts().forEach(counts::put);
    return counts.toString();
  }
}
