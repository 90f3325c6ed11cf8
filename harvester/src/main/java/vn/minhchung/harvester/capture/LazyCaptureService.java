package vn.minhchung.harvester.capture;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/**
 * The process's {@link CaptureService}, started on first use and kept until {@link #close()}: a harvest with
 * nothing to capture never starts a browser. When no browser can start, {@link #get()} throws
 * {@code BrowserUnavailableException} (with the install command) and tries again on the next call.
 */
public final class LazyCaptureService implements Supplier<CaptureService>, AutoCloseable {
  private final Supplier<CaptureService> starter;
  private CaptureService service;
  private boolean closed;

  /** {@code starter} starts the browsers; called at most once while it succeeds. */
  public LazyCaptureService(Supplier<CaptureService> starter) {
    this.starter = starter;
  }

  public static LazyCaptureService of(Settings settings, Map<String, String> env, Database db, BlobStore blobs,
      Clock clock) {
    return new LazyCaptureService(() -> CaptureService.start(settings, env, db, blobs, clock));
  }

  /** The running service, started now if needed. */
  @Override
  public synchronized CaptureService get() {
    if (closed) {
      throw new IllegalStateException("the capture service of this process was stopped");
    }
    if (service == null) {
      service = starter.get();
    }
    return service;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (service != null) {
      service.close();
      service = null;
    }
  }
}
