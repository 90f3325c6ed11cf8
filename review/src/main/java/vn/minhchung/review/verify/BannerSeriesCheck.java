package vn.minhchung.review.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.review.export.DossierLayout;

/**
 * Checks the dossier's banner series ({@code theo-doi-banner.json}) against the captures it cites: each day with
 * a capture names a {@code capture.json} in the ZIP whose {@code watch} is for that day and says the same about
 * the banner (shown or not), and a screenshot whose SHA-256 is the one that capture.json lists. The manifest check
 * already proves the files unchanged; this proves the table says what the captures say.
 */
final class BannerSeriesCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a small entry of the ZIP already hashed once (empty when absent). */
  interface Entries {
    Optional<byte[]> read(String name) throws IOException;
  }

  private BannerSeriesCheck() {}

  static void check(byte[] seriesJson, Entries entries, Map<String, String> hashes,
      List<VerificationReport.Problem> problems) throws IOException {
    String file = DossierLayout.BANNER_SERIES;
    JsonNode root;
    try {
      root = JSON.readTree(seriesJson);
    } catch (IOException e) {
      problems.add(new VerificationReport.Problem(file, "not readable as JSON: " + e.getMessage()));
      return;
    }
    if (!root.isArray()) {
      problems.add(new VerificationReport.Problem(file, "expected an array of series, found " + root.getNodeType()));
      return;
    }
    for (JsonNode series : root) {
      String channel = series.path("channel").asText("?");
      for (JsonNode day : series.path("days")) {
        String date = day.path("day").asText();
        String where = file + " (" + channel + ", " + date + ")";
        String json = day.path("captureJson").asText("");
        if (json.isEmpty()) {
          if (day.path("shown").isBoolean()) {
            problems.add(new VerificationReport.Problem(where, "says the banner was "
                + (day.path("shown").asBoolean() ? "shown" : "absent") + " but cites no capture"));
          }
          continue;
        }
        Optional<byte[]> capture = entries.read(json);
        if (capture.isEmpty()) {
          problems.add(new VerificationReport.Problem(where, "cites " + json + ", which is not in the dossier"));
          continue;
        }
        JsonNode c = JSON.readTree(capture.get());
        JsonNode watch = c.path("watch");
        if (!watch.isObject()) {
          problems.add(new VerificationReport.Problem(where, json + " is not the capture of a watched page"));
          continue;
        }
        if (!date.equals(watch.path("day").asText())) {
          problems.add(new VerificationReport.Problem(where, "the table's day is " + date + ", " + json
              + " is of " + watch.path("day").asText()));
        }
        if (day.path("shown").isBoolean() && day.path("shown").asBoolean() != watch.path("found").asBoolean()) {
          problems.add(new VerificationReport.Problem(where, "the table says the banner was "
              + (day.path("shown").asBoolean() ? "shown" : "absent") + ", " + json + " says it was "
              + (watch.path("found").asBoolean() ? "found" : "not found")));
        }
        String shot = day.path("screenshot").asText("");
        String listed = null;
        for (JsonNode f : c.path("files")) {
          if ("screenshot.png".equals(f.path("name").asText())) {
            listed = f.path("sha256").asText();
          }
        }
        if (!shot.isEmpty() && listed != null && !listed.equals(hashes.get(shot))) {
          problems.add(new VerificationReport.Problem(where, "screenshot " + shot + " hashes to " + hashes.get(shot)
              + ", " + json + " lists " + listed));
        }
      }
    }
  }
}
