package vn.minhchung.harvester.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;

class AddressPolicyTest {
  /** Names resolve without DNS: a few public, a few pointing inside. */
  private static final AddressPolicy.Resolver FAKE_DNS = host -> switch (host) {
    case "baobacninhtv.vn" -> List.of(InetAddress.getByName("203.162.71.10"));
    case "localtest.me", "localhost" -> List.of(InetAddress.getByName("127.0.0.1"));
    case "rebind.example" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
    case "metadata.example" -> List.of(InetAddress.getByName("169.254.169.254"));
    case "v6.example" -> List.of(InetAddress.getByName("fd00::1"));
    default -> throw new UnknownHostException(host);
  };

  private static AddressPolicy none() {
    return AddressPolicy.allowing("").withResolver(FAKE_DNS);
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      http://127.0.0.1/internal/admin          | loopback
      http://127.8.9.10:8080/                  | loopback
      http://localhost:18081/                  | loopback
      http://localtest.me/                     | loopback
      http://2130706433/                       | loopback
      http://0x7f.1/                           | loopback
      http://0177.0.0.1/                       | loopback
      http://127.1/                            | loopback
      http://0x7f000001/                       | loopback
      http://[::1]/                            | loopback
      http://[::ffff:127.0.0.1]/               | loopback
      http://[::ffff:7f00:1]/                  | loopback
      http://[::127.0.0.1]/                    | loopback
      http://[64:ff9b::7f00:1]/                | loopback
      http://[2002:7f00:1::]/                  | loopback
      http://169.254.169.254/latest/meta-data/ | link-local
      http://metadata.example/                 | link-local
      http://[fe80::1]/                        | link-local
      http://10.1.2.3/                         | private
      http://172.16.0.1/                       | private
      http://172.31.255.255/                   | private
      http://192.168.1.1/                      | private
      http://[fc00::1]/                        | private
      http://[fd12:3456::1]/                   | private
      http://v6.example/                       | private
      http://rebind.example/                   | private
      http://100.64.0.1/                       | CGNAT
      http://100.127.255.254/                  | CGNAT
      http://0.0.0.0/                          | unspecified
      http://0/                                | unspecified
      http://[::]/                             | unspecified
      http://224.0.0.1/                        | multicast
      http://[ff02::1]/                        | multicast
      http://255.255.255.255/                  | reserved
      """)
  void refusesInternalAddresses(String url, String kind) {
    assertThat(none().refusal(URI.create(url))).hasValueSatisfying(m -> assertThat(m)
        .contains("(" + kind + ")").contains("http.allowHosts").contains("HARVESTER_HTTP_ALLOW_HOSTS"));
  }

  @ParameterizedTest(name = "{0} is public")
  @CsvSource(textBlock = """
      https://baobacninhtv.vn/chuyen-doi-so
      http://8.8.8.8/
      http://172.32.0.1/
      http://100.128.0.1/
      http://192.169.0.1/
      http://[2001:4860:4860::8888]/
      http://no-such-host.invalid/
      """)
  void allowsPublicAddressesAndLeavesUnknownNamesToTheFetch(String url) {
    assertThat(none().refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest(name = "allowHosts \"{0}\": {1} → allowed {2}")
  @CsvSource(delimiter = '|', textBlock = """
      intranet.example                | http://intranet.example/tin  | true
      localhost:18081                 | http://localhost:18081/      | true
      localhost:18081                 | http://localhost:18082/      | false
      LOCALHOST                       | http://localhost:9/          | true
      127.0.0.1:18081                 | http://127.0.0.1:18081/      | true
      127.0.0.1:18081                 | http://localhost:18081/      | true
      127.0.0.1:18081                 | http://127.0.0.1:18085/      | false
      10.0.0.0/8                      | http://10.20.30.40:8443/     | true
      10.0.0.0/8                      | http://11.0.0.1/             | true
      10.0.0.0/8                      | http://192.168.0.1/          | false
      10.1.0.0/16:8080                | http://10.1.2.3:8080/        | true
      10.1.0.0/16:8080                | http://10.1.2.3/             | false
      172.16.0.0/12                   | http://172.20.0.1/           | true
      fc00::/7                        | http://[fd12::1]/            | true
      [::1]:8080                      | http://[::1]:8080/           | true
      [::1]:8080                      | http://[::1]:8081/           | false
      127.0.0.0/8, 169.254.0.0/16     | http://169.254.169.254/      | true
      """)
  void allowHostsOpensNamedHostsAndRanges(String allow, String url, boolean allowed) {
    AddressPolicy p = AddressPolicy.allowing(allow).withResolver(host -> host.equals("intranet.example")
        ? List.of(InetAddress.getByName("10.9.9.9")) : FAKE_DNS.resolve(host));
    assertThat(p.refusal(URI.create(url)).isEmpty()).isEqualTo(allowed);
  }

  @Test
  void theRefusalSaysWhichEntryWouldAllowIt() {
    assertThat(none().refusal(URI.create("http://127.0.0.1:18099/internal/admin")))
        .hasValueSatisfying(m -> assertThat(m).startsWith("http://127.0.0.1:18099/internal/admin: địa chỉ 127.0.0.1")
            .contains("thêm \"127.0.0.1:18099\" vào http.allowHosts"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/33
      host name with spaces
      intranet.example/8
      localhost:0
      localhost:99999
      [::1
      10.0.0.0/8:port
      """)
  void aBadEntryIsNamedInTheSettingsError(String entry) {
    Settings s = Settings.of(Path.of("target/address-policy"), Map.of("http.allowHosts", "localhost," + entry));
    assertThatThrownBy(() -> AddressPolicy.of(s)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("http.allowHosts").hasMessageContaining(entry.strip().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void theHostsOfConfiguredPlatformBaseUrlsAreAllowedWithTheirPorts() {
    Settings s = Settings.of(Path.of("target/address-policy"), Map.of(
        "platforms.facebook.graphBaseUrl", "http://127.0.0.1:18083", "platforms.youtube.apiBaseUrl",
        "http://localhost:18085/youtube/v3"));
    AddressPolicy p = AddressPolicy.of(s);
    assertThat(p.refusal(URI.create("http://127.0.0.1:18083/v26.0/123/published_posts"))).isEmpty();
    assertThat(p.refusal(URI.create("http://localhost:18085/youtube/v3/videos"))).isEmpty();
    assertThat(p.refusal(URI.create("http://127.0.0.1:18084/"))).isPresent();
  }

  @Test
  void ipv4MappedIpv6BytesAreJudgedAsIpv4() {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 169;
    mapped[13] = (byte) 254;
    mapped[14] = (byte) 169;
    mapped[15] = (byte) 254;
    assertThat(AddressPolicy.internalKind(mapped)).hasValue("link-local");
  }
}
