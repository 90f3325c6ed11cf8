package vn.minhchung.config.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads settings: defaults in code, then {@code harvester.yaml}, then {@code HARVESTER_*} environment variables. */
public final class SettingsLoader {

  private SettingsLoader() {}

  /**
   * Loads settings for a data directory. A missing file is fine when it is the default one; a file named
   * explicitly must exist.
   */
  public static Settings load(Path dataDir, Path configFile, boolean explicit, Map<String, String> env) {
    Map<String, String> fromFile = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (Files.exists(configFile)) {
      readYaml(configFile, fromFile, problems);
    } else if (explicit) {
      problems.add(configFile + ": settings file not found; create it or drop --config to use the defaults");
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    Map<String, String> fromEnv = new LinkedHashMap<>();
    for (SettingKey k : Settings.KEYS) {
      String v = env.get(k.environmentVariable());
      if (v != null) {
        fromEnv.put(k.key(), v);
      }
    }
    return fromMaps(dataDir, fromFile, fromEnv, "environment");
  }

  static Settings fromMaps(Path dataDir, Map<String, String> base, Map<String, String> overrides) {
    return fromMaps(dataDir, base, overrides, "override");
  }

  private static Settings fromMaps(Path dataDir, Map<String, String> base, Map<String, String> overrides, String origin) {
    Map<String, String> values = new LinkedHashMap<>();
    for (SettingKey k : Settings.KEYS) {
      if (k.defaultValue() != null) {
        values.put(k.key(), k.defaultValue());
      }
    }
    values.putAll(base);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      SettingKey k = Settings.BY_KEY.get(e.getKey());
      if (k == null) {
        problems.add(origin + ": " + e.getKey() + ": unknown setting");
        continue;
      }
      k.type().check(e.getValue()).ifPresent(p -> problems.add(origin + ": " + k.environmentVariable() + ": " + p));
      values.put(e.getKey(), e.getValue());
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new Settings(dataDir, values);
  }

  private static void readYaml(Path file, Map<String, String> out, List<String> problems) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = new YAMLFactory().createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        problems.add(where(file, p.currentTokenLocation()) + ": settings must be a mapping of keys");
        return;
      }
      walk(file, p, "", out, problems);
    } catch (IOException e) {
      problems.add(file + ": cannot read settings: " + e.getMessage());
    }
  }

  private static void walk(Path file, JsonParser p, String prefix, Map<String, String> out, List<String> problems)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + p.currentName();
      JsonLocation at = p.currentTokenLocation();
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        walk(file, p, key + ".", out, problems);
        continue;
      }
      if (v == JsonToken.START_ARRAY) {
        p.skipChildren();
        problems.add(where(file, at) + ": " + key + ": expected a single value, not a list");
        continue;
      }
      SettingKey known = Settings.BY_KEY.get(key);
      if (known == null) {
        problems.add(where(file, at) + ": " + key + ": unknown setting (see README, Configuration)");
        continue;
      }
      String value = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
      if (value != null) {
        known.type().check(value).ifPresent(problem -> problems.add(where(file, at) + ": " + key + ": " + problem));
        out.put(key, value);
      }
    }
  }

  private static String where(Path file, JsonLocation loc) {
    return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }
}
