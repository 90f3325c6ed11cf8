package vn.minhchung.harvester.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsLoader;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;
import vn.minhchung.storage.post.RunOwner;
import vn.minhchung.storage.post.StaleRuns;

/**
 * What a command needs, opened lazily from the global options: settings, the database, the blob store, a
 * clock. Commands that never touch the database never open it.
 */
public final class AppContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
  private final Path dataDir;
  private final Path configFile;
  private final boolean configExplicit;
  private final Map<String, String> env;
  private final Clock clock;
  private Settings settings;
  private Database database;
  private SecretBox secretBox;
  private BlobStore blobs;

  public AppContext(Path dataDir, Path configFile, boolean configExplicit, Map<String, String> env, Clock clock) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.configFile = configFile;
    this.configExplicit = configExplicit;
    this.env = env;
    this.clock = clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Map<String, String> env() {
    return env;
  }

  public Clock clock() {
    return clock;
  }

  public synchronized Settings settings() {
    if (settings == null) {
      settings = SettingsLoader.load(dataDir, configFile, configExplicit, env);
    }
    return settings;
  }

  /** Replaces the settings before anything is opened (the demo points platforms at its local servers). */
  public synchronized void overrideSettings(Settings s) {
    if (database != null || blobs != null) {
      throw new IllegalStateException("settings cannot change after the database or blob store is open");
    }
    this.settings = s;
  }

  public synchronized Database database() {
    if (database == null) {
      OwnerOnly.directoryUnchecked(dataDir);
      database = Database.open(settings());
      cleanUpAfterKilledProcesses(database);
      // Rows an earlier version kept in plaintext are sealed before anything reads them.
      Accounts.sealLegacy(database, this::secretBox, clock.instant());
    }
    return database;
  }

  /** The key that seals tokens at rest ({@code HARVESTER_SECRET_KEY} or {@code DATA/secret.key}, made on first use). */
  public synchronized SecretBox secretBox() {
    if (secretBox == null) {
      secretBox = SecretBox.fromSettings(settings());
    }
    return secretBox;
  }

  /**
   * What a killed process (kill -9, power loss) left: its harvest runs still {@code running} on this host and its
   * temporary files under the data directory. Whatever a live process owns, {@code serve} included, is kept.
   */
  private void cleanUpAfterKilledProcesses(Database db) {
    List<Long> runs = db.inTransaction(s -> StaleRuns.interrupt(s, RunOwner.host(), clock.instant()));
    if (!runs.isEmpty()) {
      LOG.warn("marked {} harvest runs of stopped processes as interrupted: {}", runs.size(), runs);
    }
    TempFiles.sweep(dataDir, ProcessHandle.current().info().startInstant().orElse(clock.instant()));
  }

  /** The blob store of {@code blobs.store} (the local folder {@code DATA/blobs} by default), opened once. */
  public synchronized BlobStore blobs() {
    if (blobs == null) {
      blobs = BlobStore.fromSettings(settings());
    }
    return blobs;
  }

  @Override
  public synchronized void close() {
    if (blobs != null) {
      blobs.close();
      blobs = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
