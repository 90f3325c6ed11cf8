package vn.minhchung.config.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One known setting: its dotted key, type, default and whether it is a secret (masked in every dump).
 * The list of keys lives in {@link Settings#KEYS}; a key not listed there is an error in the file.
 */
public record SettingKey(String key, Type type, String defaultValue, boolean secret) {

  /** The value types a setting can have; {@link #check} says what a bad value should look like. */
  public enum Type {
    STRING, INT, BOOLEAN, URL, DURATION_DAYS;

    Optional<String> check(String value) {
      switch (this) {
        case INT:
          try {
            Long.parseLong(value.trim());
            return Optional.empty();
          } catch (NumberFormatException e) {
            return Optional.of("expected a whole number but was '" + value + "'");
          }
        case DURATION_DAYS:
          try {
            if (Long.parseLong(value.trim()) < 0) {
              return Optional.of("expected a number of days >= 0 but was '" + value + "'");
            }
            return Optional.empty();
          } catch (NumberFormatException e) {
            return Optional.of("expected a number of days but was '" + value + "'");
          }
        case BOOLEAN:
          String v = value.trim().toLowerCase(Locale.ROOT);
          return v.equals("true") || v.equals("false")
              ? Optional.empty()
              : Optional.of("expected true or false but was '" + value + "'");
        case URL:
          try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
              return Optional.of("expected an absolute http(s) URL but was '" + value + "'");
            }
            return Optional.empty();
          } catch (java.net.URISyntaxException e) {
            return Optional.of("expected a URL but was '" + value + "' (" + e.getReason() + ")");
          }
        default:
          return Optional.empty();
      }
    }
  }

  static SettingKey string(String key, String def) {
    return new SettingKey(key, Type.STRING, def, false);
  }

  static SettingKey secret(String key) {
    return new SettingKey(key, Type.STRING, null, true);
  }

  static SettingKey integer(String key, long def) {
    return new SettingKey(key, Type.INT, Long.toString(def), false);
  }

  static SettingKey bool(String key, boolean def) {
    return new SettingKey(key, Type.BOOLEAN, Boolean.toString(def), false);
  }

  static SettingKey url(String key, String def) {
    return new SettingKey(key, Type.URL, def, false);
  }

  /** The environment variable that overrides this key: {@code platforms.youtube.apiKey → HARVESTER_PLATFORMS_YOUTUBE_API_KEY}. */
  public String environmentVariable() {
    StringBuilder sb = new StringBuilder("HARVESTER_");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }
}
