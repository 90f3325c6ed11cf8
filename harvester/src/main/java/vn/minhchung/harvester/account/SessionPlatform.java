package vn.minhchung.harvester.account;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A platform whose pages the browser may read with a saved login session: its code, the cookie domains that belong
 * to it (only those cookies are kept), the cookies without which a file is no login, the setting naming where its
 * pages are, and the path it sends a session that must be verified to. Zalo and YouTube would be added here.
 */
public enum SessionPlatform {
  FACEBOOK("facebook", "Facebook", List.of("facebook.com"), List.of("c_user", "xs"), "platforms.facebook.pageBaseUrl",
      "/checkpoint");

  private final String code;
  private final String label;
  private final List<String> domains;
  private final List<String> loginCookies;
  private final String pageBaseUrlKey;
  private final String checkpointPath;

  SessionPlatform(String code, String label, List<String> domains, List<String> loginCookies, String pageBaseUrlKey,
      String checkpointPath) {
    this.code = code;
    this.label = label;
    this.domains = domains;
    this.loginCookies = loginCookies;
    this.pageBaseUrlKey = pageBaseUrlKey;
    this.checkpointPath = checkpointPath;
  }

  public String code() { return code; }
  public String label() { return label; }
  public List<String> domains() { return domains; }
  public List<String> loginCookies() { return loginCookies; }
  public String pageBaseUrlKey() { return pageBaseUrlKey; }
  public String checkpointPath() { return checkpointPath; }

  /** Whether a host (or a cookie domain, with or without its leading dot) is the platform's or a subdomain of it. */
  public boolean owns(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    String bare = h.startsWith(".") ? h.substring(1) : h;
    return domains.stream().anyMatch(d -> bare.equals(d) || bare.endsWith("." + d));
  }

  /**
   * The platform of a code given on the command line.
   * @throws IllegalArgumentException naming the platforms that have sessions
   */
  public static SessionPlatform of(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("nền tảng '" + code + "' không có phiên đăng"
        + " nhập lưu sẵn; dùng một trong: " + Arrays.stream(values()).map(SessionPlatform::code)
        .collect(Collectors.joining(", ")) + " (platform without saved sessions)"));
  }

  public static Optional<SessionPlatform> find(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code == null ? "" : code.strip())).findFirst();
  }
}
