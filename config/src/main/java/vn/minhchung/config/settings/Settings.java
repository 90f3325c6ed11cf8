package vn.minhchung.config.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The frozen, validated settings of one process. Built by {@link SettingsLoader}; values are never null
 * for keys with a default. Secrets are masked by {@link #dump()} and {@link #toString()}.
 */
public final class Settings {

  /** Every deployment's wall clock: dates shown to people and cron schedules use this zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Every known key. Add new keys here (with a default where one makes sense). */
  public static final List<SettingKey> KEYS = List.of(
      SettingKey.string("database.url", null),
      SettingKey.string("database.user", null),
      SettingKey.secret("database.password"),
      SettingKey.string("browser.executable", null),
      SettingKey.integer("browser.concurrency", Runtime.getRuntime().availableProcessors()),
      SettingKey.integer("browser.restartAfter", 200),
      SettingKey.integer("browser.captureTimeoutSeconds", 60),
      SettingKey.integer("browser.queueSize", 1000),
      SettingKey.string("web.host", "127.0.0.1"),
      SettingKey.integer("web.port", 8080),
      SettingKey.url("web.publicUrl", null),
      SettingKey.integer("web.sessionTimeoutMinutes", 480),
      SettingKey.integer("web.uploadMaxBytes", 25L * 1024 * 1024),
      SettingKey.secret("secretKey"),
      SettingKey.url("platforms.facebook.graphBaseUrl", "https://graph.facebook.com"),
      SettingKey.string("platforms.facebook.apiVersion", "v26.0"),
      SettingKey.secret("platforms.facebook.accessToken"),
      SettingKey.string("platforms.facebook.appId", null),
      SettingKey.secret("platforms.facebook.appSecret"),
      SettingKey.url("platforms.facebook.dialogBaseUrl", "https://www.facebook.com"),
      SettingKey.url("platforms.facebook.pageBaseUrl", "https://www.facebook.com"),
      SettingKey.integer("platforms.facebook.browserMaxPosts", 50),
      SettingKey.integer("platforms.facebook.browserBudgetSeconds", 120),
      SettingKey.integer("platforms.facebook.pageGapSeconds", 20),
      SettingKey.url("platforms.zalo.apiBaseUrl", "https://openapi.zalo.me"),
      SettingKey.url("platforms.zalo.oauthBaseUrl", "https://oauth.zaloapp.com"),
      SettingKey.url("platforms.zalo.pageBaseUrl", "https://zalo.me"),
      SettingKey.string("platforms.zalo.appId", null),
      SettingKey.secret("platforms.zalo.secretKey"),
      SettingKey.secret("platforms.zalo.accessToken"),
      SettingKey.secret("platforms.zalo.refreshToken"),
      SettingKey.url("platforms.zalo.pageBaseUrl", "https://zalo.me"),
      SettingKey.integer("platforms.zalo.pageGapSeconds", 10),
      SettingKey.url("platforms.youtube.apiBaseUrl", "https://www.googleapis.com/youtube/v3"),
      SettingKey.secret("platforms.youtube.apiKey"),
      SettingKey.url("platforms.youtube.feedBaseUrl", "https://www.youtube.com/feeds/videos.xml"),
      SettingKey.url("platforms.youtube.watchBaseUrl", "https://www.youtube.com/watch"),
      SettingKey.url("platforms.youtube.pageBaseUrl", "https://www.youtube.com"),
      SettingKey.integer("platforms.youtube.dailyQuota", 10_000),
      SettingKey.integer("platforms.youtube.pageGapSeconds", 5),
      SettingKey.string("http.userAgent",
          "MinhChungHarvester/0.1 (+https://github.com/minhchung/harvester; evidence collection for official channels)"),
      SettingKey.integer("http.perHostDelayMs", 1000),
      SettingKey.integer("http.timeoutSeconds", 20),
      SettingKey.integer("http.maxBodyBytes", 10L * 1024 * 1024),
      SettingKey.integer("http.maxRetries", 3),
      SettingKey.string("http.allowHosts", null),
      SettingKey.integer("harvest.windowDays", 30),
      SettingKey.integer("harvest.refreshDays", 30),
      SettingKey.integer("harvest.maxTextBytes", 256L * 1024),
      SettingKey.integer("capture.recaptureDays", 7),
      SettingKey.integer("capture.fullPageMaxHeight", 30_000),
      SettingKey.string("schedule.defaultCron", "0 0 6 * * ?"),
      SettingKey.integer("schedule.spreadMinutes", 60),
      SettingKey.integer("schedule.retryDelayMinutes", 60),
      SettingKey.integer("schedule.retriesPerDay", 2),
      SettingKey.integer("schedule.threads", 4),
      SettingKey.integer("schedule.maxConcurrent.facebook_page", 2),
      SettingKey.integer("schedule.maxConcurrent.zalo_oa", 2),
      SettingKey.integer("schedule.maxConcurrent.youtube_channel", 2),
      SettingKey.integer("schedule.maxConcurrent.news_site", 4),
      SettingKey.integer("schedule.maxConcurrent.web_page", 2),
      SettingKey.integer("schedule.shutdownWaitSeconds", 60),
      SettingKey.integer("schedule.syncSeconds", 60),
      SettingKey.integer("schedule.clusterCheckinMs", 15_000),
      SettingKey.integer("schedule.misfireThresholdMs", 60_000),
      SettingKey.integer("alerts.checkMinutes", 15),
      SettingKey.integer("alerts.staleDays", 2),
      SettingKey.integer("alerts.failureStreak", 3),
      SettingKey.integer("alerts.deadlineDays", 14),
      SettingKey.integer("alerts.accountExpiryDays", 7),
      SettingKey.integer("alerts.nodeSilentMinutes", 5),
      SettingKey.string("nodes.name", null),
      SettingKey.integer("nodes.heartbeatSeconds", 30),
      SettingKey.string("smtp.host", null),
      SettingKey.integer("smtp.port", 587),
      SettingKey.string("smtp.user", null),
      SettingKey.secret("smtp.password"),
      SettingKey.string("smtp.from", null),
      SettingKey.string("smtp.to", null),
      SettingKey.bool("smtp.startTls", true),
      SettingKey.string("link.threshold", "0.5"),
      SettingKey.string("export.pdf", "auto"),
      SettingKey.integer("export.pdfTimeoutSeconds", 300),
      SettingKey.string("export.form.parentAgency", null),
      SettingKey.string("export.form.agency", null),
      SettingKey.string("export.form.abbreviation", null),
      SettingKey.string("export.form.place", null),
      SettingKey.string("export.form.signerTitle", null),
      SettingKey.string("export.form.signerName", null),
      SettingKey.string("export.form.recipients", null),
      SettingKey.string("blobs.store", "local"),
      SettingKey.url("blobs.s3.endpoint", null),
      SettingKey.string("blobs.s3.bucket", null),
      SettingKey.string("blobs.s3.region", "us-east-1"),
      SettingKey.secret("blobs.s3.accessKey"),
      SettingKey.secret("blobs.s3.secretKey"),
      SettingKey.bool("blobs.s3.pathStyle", true),
      SettingKey.string("blobs.s3.prefix", null),
      SettingKey.url("tsa.url", null),
      SettingKey.string("tsa.trustStore", null));

  static final Map<String, SettingKey> BY_KEY =
      KEYS.stream().collect(Collectors.toMap(SettingKey::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

  private final Path dataDir;
  private final Map<String, String> values;

  Settings(Path dataDir, Map<String, String> values) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Settings with only the defaults and the given overrides; for tests and embedded use. */
  public static Settings of(Path dataDir, Map<String, String> overrides) {
    return SettingsLoader.fromMaps(dataDir, Map.of(), overrides);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Optional<String> get(String key) {
    requireKnown(key);
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  public String string(String key) {
    return get(key).orElseThrow(() -> new IllegalStateException("setting " + key + " has no value"));
  }

  public int integer(String key) {
    return Math.toIntExact(Long.parseLong(string(key).trim()));
  }

  public long longValue(String key) {
    return Long.parseLong(string(key).trim());
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(string(key).trim());
  }

  public Optional<URI> uri(String key) {
    return get(key).map(v -> URI.create(v.trim()));
  }

  /** A copy with some keys changed (validated like the file); used by demo and tests. */
  public Settings with(Map<String, String> overrides) {
    return SettingsLoader.fromMaps(dataDir, values, overrides);
  }

  /** All values as key → shown value, secrets masked as {@code ****}. */
  public Map<String, String> dump() {
    Map<String, String> out = new LinkedHashMap<>();
    for (SettingKey k : KEYS) {
      String v = values.get(k.key());
      out.put(k.key(), v == null ? "" : k.secret() ? "****" : v);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Settings" + dump();
  }

  private static void requireKnown(String key) {
    if (!BY_KEY.containsKey(key)) {
      throw new IllegalArgumentException("unknown setting key '" + key + "'; known keys are in Settings.KEYS");
    }
  }
}
