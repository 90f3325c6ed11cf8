package vn.minhchung.harvester.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;

/**
 * Which addresses harvests and captures may reach. Outside pages choose the links we follow, so a feed item,
 * a redirect or a page's subresource could point at the harvester's own network (loopback, link-local such as
 * the cloud metadata service 169.254.169.254, private and CGNAT ranges, unspecified, multicast, and the IPv6
 * forms that embed them). Those are refused after name resolution unless {@code http.allowHosts} names the host
 * or range. The hosts of the configured platform base URLs are allowed as well: the operator chose them.
 *
 * <p>Entries of {@code http.allowHosts}, comma-separated: a host name ({@code intranet.tinh.gov.vn}), optionally
 * with a port ({@code localhost:18081}); an address or CIDR range ({@code 10.0.0.0/8}, {@code fc00::/7},
 * {@code 127.0.0.1}), optionally with a port ({@code 127.0.0.1:18081}, {@code 10.1.0.0/16:8080},
 * {@code [::1]:8080}). A host name entry trusts whatever the name resolves to.
 *
 * <p>The name is resolved here with the JVM resolver, whose cache then serves the HTTP client's own lookup, so
 * the checked address is the one connected to. Numeric hosts are read the way browsers read them
 * ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1} are all 127.0.0.1).
 */
public final class AddressPolicy {
  /** The setting that lists allowed hosts and ranges. */
  public static final String SETTING = "http.allowHosts";
  /** Settings whose hosts are allowed implicitly: platform endpoints the operator configured. */
  static final List<String> PLATFORM_BASE_URLS = List.of("platforms.facebook.graphBaseUrl",
      "platforms.facebook.pageBaseUrl", "platforms.zalo.apiBaseUrl", "platforms.zalo.oauthBaseUrl",
      "platforms.zalo.pageBaseUrl", "platforms.youtube.apiBaseUrl", "platforms.youtube.feedBaseUrl",
      "platforms.youtube.watchBaseUrl", "platforms.youtube.pageBaseUrl");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");
  private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9a-fx.]+");
  private static final int ANY_PORT = -1;

  /** Name resolution, replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /** The JVM resolver (system DNS, /etc/hosts), with its positive cache. */
  public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

  /** One allowed host name or address range, with an optional port. */
  private record Entry(String hostName, byte[] network, int prefix, int port) {
    boolean matchesName(String host, int p) {
      return hostName != null && hostName.equals(host) && (port == ANY_PORT || port == p);
    }

    boolean matchesAddress(byte[] address, int p) {
      if (network == null || network.length != address.length || port != ANY_PORT && port != p) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (network[i] != address[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = rest == 0 ? 0 : (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (network[full] & mask) == (address[full] & mask);
    }
  }

  private final List<Entry> entries;
  private final Resolver resolver;

  private AddressPolicy(List<Entry> entries, Resolver resolver) {
    this.entries = List.copyOf(entries);
    this.resolver = resolver;
  }

  /** {@code http.allowHosts} plus the hosts (with their ports) of the platform base URLs. */
  public static AddressPolicy of(Settings settings) {
    List<Entry> entries = new ArrayList<>();
    try {
      entries.addAll(parseEntries(settings.get(SETTING).orElse("")));
    } catch (IllegalArgumentException e) {
      throw new SettingsException(List.of(SETTING + ": " + e.getMessage()));
    }
    for (String key : PLATFORM_BASE_URLS) {
      settings.uri(key).filter(u -> u.getHost() != null)
          .ifPresent(u -> entries.add(new Entry(normalHost(u.getHost()), null, 0, port(u))));
    }
    return new AddressPolicy(entries, DNS);
  }

  /**
   * A policy allowing exactly the given entries (the syntax of {@code http.allowHosts}).
   * @throws IllegalArgumentException naming the first entry that is neither a host nor an address range
   */
  public static AddressPolicy allowing(String allowHosts) {
    return new AddressPolicy(parseEntries(allowHosts), DNS);
  }

  /** The same allowances with another resolver (tests). */
  public AddressPolicy withResolver(Resolver other) {
    return new AddressPolicy(entries, other);
  }

  /**
   * Why {@code uri} must not be fetched, or empty when it may be: every address its host resolves to must be
   * public or allowed. A host that does not resolve is left to the fetch, which then fails as a network error.
   */
  public Optional<String> refusal(URI uri) {
    String raw = rawHost(uri);
    if (raw == null || raw.isBlank()) {
      return Optional.of(uri + ": URL không có tên máy chủ hợp lệ; không tải");
    }
    String host = normalHost(raw);
    int port = port(uri);
    if (entries.stream().anyMatch(e -> e.matchesName(host, port))) {
      return Optional.empty();
    }
    List<InetAddress> addresses;
    try {
      addresses = addresses(host);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    for (InetAddress a : addresses) {
      byte[] bytes = canonical(a.getAddress());
      Optional<String> kind = internalKind(bytes);
      if (kind.isPresent() && entries.stream().noneMatch(e -> e.matchesAddress(bytes, port))) {
        String suggestion = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return Optional.of(uri + ": địa chỉ " + a.getHostAddress() + " là địa chỉ nội bộ (" + kind.get()
            + "); không tải. Nếu máy chủ này được phép thu thập, thêm \"" + suggestion + "\" vào " + SETTING
            + " (biến môi trường HARVESTER_HTTP_ALLOW_HOSTS)");
      }
    }
    return Optional.empty();
  }

  private List<InetAddress> addresses(String host) throws UnknownHostException {
    Optional<byte[]> numeric = numericIpv4(host);
    if (numeric.isPresent()) {
      return List.of(InetAddress.getByAddress(numeric.get()));
    }
    if (host.contains(":")) {
      return List.of(InetAddress.getByName(host));
    }
    return resolver.resolve(host);
  }

  /**
   * What kind of internal address this is (loopback, link-local, private, CGNAT, unspecified, multicast,
   * reserved), or empty for a public one. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64,
   * 6to4) are judged by that address.
   */
  static Optional<String> internalKind(byte[] address) {
    byte[] a = canonical(address);
    if (a.length == 4) {
      int b0 = a[0] & 0xff;
      int b1 = a[1] & 0xff;
      if (b0 == 0) {
        return Optional.of("unspecified");
      } else if (b0 == 127) {
        return Optional.of("loopback");
      } else if (b0 == 169 && b1 == 254) {
        return Optional.of("link-local");
      } else if (b0 == 10 || b0 == 172 && b1 >= 16 && b1 <= 31 || b0 == 192 && b1 == 168) {
        return Optional.of("private");
      } else if (b0 == 100 && b1 >= 64 && b1 <= 127) {
        return Optional.of("CGNAT");
      } else if (b0 >= 224 && b0 <= 239) {
        return Optional.of("multicast");
      } else if (b0 >= 240 || b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0 || b0 == 198 && (b1 == 18 || b1 == 19)) {
        return Optional.of("reserved");
      }
      return Optional.empty();
    }
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (Arrays.equals(a, new byte[16])) {
      return Optional.of("unspecified");
    } else if (isZero(a, 0, 15) && a[15] == 1) {
      return Optional.of("loopback");
    } else if (isZero(a, 0, 12)) {
      return internalKind(Arrays.copyOfRange(a, 12, 16));
    } else if (b0 == 0x00 && b1 == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && isZero(a, 4, 12)) {
      return internalKind(Arrays.copyOfRange(a, 12, 16));
    } else if (b0 == 0x20 && b1 == 0x02) {
      return internalKind(Arrays.copyOfRange(a, 2, 6));
    } else if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of("link-local");
    } else if (b0 == 0xfe && (b1 & 0xc0) == 0xc0 || (b0 & 0xfe) == 0xfc) {
      return Optional.of("private");
    } else if (b0 == 0xff) {
      return Optional.of("multicast");
    }
    return Optional.empty();
  }

  /**
   * A host written as a number the way browsers and {@code inet_aton} read it: one to four parts, each
   * decimal, octal (leading 0) or hexadecimal (0x), the last part filling the remaining bytes.
   */
  static Optional<byte[]> numericIpv4(String host) {
    if (!NUMERIC_HOST.matcher(host).matches() || host.startsWith(".") || host.contains("..")) {
      return Optional.empty();
    }
    String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
    if (parts.length == 0 || parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Optional<Long> v = part(parts[i]);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      values[i] = v.get();
    }
    long result = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return Optional.empty();
      }
      result |= values[i] << (24 - 8 * i);
    }
    long last = values[parts.length - 1];
    if (last >= 1L << (8 * (5 - parts.length))) {
      return Optional.empty();
    }
    result |= last;
    return Optional.of(new byte[] {(byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8),
        (byte) result});
  }

  private static Optional<Long> part(String p) {
    try {
      if (p.startsWith("0x")) {
        return p.length() == 2 ? Optional.of(0L) : p.length() > 10 ? Optional.empty()
            : Optional.of(Long.parseLong(p.substring(2), 16));
      }
      if (p.length() > 1 && p.startsWith("0")) {
        return p.length() > 12 ? Optional.empty() : Optional.of(Long.parseLong(p.substring(1), 8));
      }
      return p.length() > 10 ? Optional.empty() : Optional.of(Long.parseLong(p));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Entry> parseEntries(String list) {
    List<Entry> out = new ArrayList<>();
    for (String item : list.split(",")) {
      String e = item.strip().toLowerCase(Locale.ROOT);
      if (!e.isEmpty()) {
        out.add(entry(e));
      }
    }
    return out;
  }

  private static Entry entry(String e) {
    String addr;
    String rest;
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      if (close < 0) {
        throw badEntry(e);
      }
      addr = e.substring(1, close);
      rest = e.substring(close + 1);
    } else if (e.contains("/")) {
      addr = e.substring(0, e.indexOf('/'));
      rest = e.substring(e.indexOf('/'));
    } else if (e.indexOf(':') >= 0 && e.indexOf(':') == e.lastIndexOf(':')) {
      addr = e.substring(0, e.indexOf(':'));
      rest = e.substring(e.indexOf(':'));
    } else {
      addr = e;
      rest = "";
    }
    int prefix = -1;
    if (rest.startsWith("/")) {
      int colon = rest.indexOf(':');
      prefix = number(colon < 0 ? rest.substring(1) : rest.substring(1, colon), e);
      rest = colon < 0 ? "" : rest.substring(colon);
    }
    int port = ANY_PORT;
    if (rest.startsWith(":")) {
      port = number(rest.substring(1), e);
      if (port < 1 || port > 65_535) {
        throw badEntry(e);
      }
    } else if (!rest.isEmpty()) {
      throw badEntry(e);
    }
    Optional<byte[]> literal = literal(addr);
    if (literal.isEmpty()) {
      if (prefix >= 0 || !HOST_NAME.matcher(addr).matches()) {
        throw badEntry(e);
      }
      return new Entry(normalHost(addr), null, 0, port);
    }
    byte[] network = canonical(literal.get());
    int bits = network.length * 8;
    if (prefix > bits) {
      throw badEntry(e);
    }
    return new Entry(null, network, prefix < 0 ? bits : prefix, port);
  }

  /** A dotted-quad IPv4 or an IPv6 literal; never a name lookup. */
  private static Optional<byte[]> literal(String addr) {
    if (addr.matches("\\d{1,3}(\\.\\d{1,3}){3}") || addr.contains(":")) {
      try {
        return Optional.of(InetAddress.getByName(addr).getAddress());
      } catch (UnknownHostException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int number(String s, String entry) {
    if (!s.matches("\\d{1,5}")) {
      throw badEntry(entry);
    }
    return Integer.parseInt(s);
  }

  private static IllegalArgumentException badEntry(String entry) {
    return new IllegalArgumentException("entry '" + entry + "' is neither a host name, HOST:PORT, an address nor "
        + "a CIDR range (examples: intranet.tinh.gov.vn, localhost:18081, 10.0.0.0/8, 127.0.0.1:18081, [::1]:8080)");
  }

  /** IPv4-mapped IPv6 addresses are IPv4 addresses. */
  private static byte[] canonical(byte[] a) {
    if (a.length == 16 && isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return Arrays.copyOfRange(a, 12, 16);
    }
    return a;
  }

  private static boolean isZero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String normalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /**
   * The host as written; {@link URI} leaves {@code getHost()} null for names it does not accept as host names,
   * such as {@code 0x7f.1} or {@code 127.1}, which browsers still read as addresses.
   */
  private static String rawHost(URI uri) {
    if (uri.getHost() != null) {
      return uri.getHost();
    }
    String authority = uri.getRawAuthority();
    if (authority == null) {
      return null;
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith("[")) {
      return hostPort.indexOf(']') < 0 ? null : hostPort.substring(0, hostPort.indexOf(']') + 1);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    String authority = uri.getHost() == null ? uri.getRawAuthority() : null;
    if (authority != null && authority.matches(".*:\\d{1,5}")) {
      return Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    }
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
  }
}
