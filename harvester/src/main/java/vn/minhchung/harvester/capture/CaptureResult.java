package vn.minhchung.harvester.capture;

import java.util.List;
import java.util.Optional;
import vn.minhchung.storage.blob.BlobRef;

/** The outcome of one capture: the {@code capture} row id, its status, and the stored files by name. */
public record CaptureResult(long captureId, String url, String finalUrl, CaptureStatus status, String detail,
    ShownFacts facts, List<StoredFile> files) {

  /** One output file: its name in the capture ({@code screenshot.png}, …) and its blob. */
  public record StoredFile(String name, BlobRef blob) {}

  public CaptureResult {
    files = List.copyOf(files);
  }

  public Optional<StoredFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
