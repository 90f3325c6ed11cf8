package vn.minhchung.harvester.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieFilesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static byte[] fixture(String name) {
    try (InputStream in = CookieFilesTest.class.getResourceAsStream("/fixtures/sessions/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "facebook-storage-state-2026-11-20.json, PLAYWRIGHT, 8",
      "facebook-cookies-2026-11-20.txt, NETSCAPE, 8",
      "facebook-cookie-editor-2026-11-20.json, EXTENSION, 5"})
  void eachExportFormatIsRecognisedAndReadInFull(String file, CookieFiles.Format format, int count) {
    CookieFiles.Parsed p = CookieFiles.parse(fixture(file), file);
    assertThat(p.format()).isEqualTo(format);
    assertThat(p.cookies()).hasSize(count);
    CookieFiles.Cookie xs = p.cookies().stream().filter(c -> c.name().equals("xs")).findFirst().orElseThrow();
    assertThat(xs.value()).isEqualTo("31%3AaBcDeFgHiJkLmN%3A2%3A1763600000%3A-1%3A11234");
    assertThat(xs.domain()).isEqualTo(".facebook.com");
    assertThat(xs.expires()).isEqualTo(1802941964L);
    assertThat(xs.httpOnly()).isTrue();
    assertThat(xs.secure()).isTrue();
    assertThat(xs.sameSite()).isEqualTo("None");
    CookieFiles.Cookie presence = p.cookies().stream().filter(c -> c.name().equals("presence")).findFirst()
        .orElseThrow();
    assertThat(presence.expires()).as("a session cookie").isEqualTo(-1);
    assertThat(xs.toString()).doesNotContain(xs.value());
  }

  @Test
  void netscapeLinesAreNumberedAndHttpOnlyComesFromThePrefix() {
    List<CookieFiles.Cookie> cookies = CookieFiles.parse(fixture("facebook-cookies-2026-11-20.txt"), "c.txt").cookies();
    assertThat(cookies.get(0).name()).isEqualTo("datr");
    assertThat(cookies.get(0).httpOnly()).isFalse();
    assertThat(cookies.get(0).where()).isEqualTo("dòng 5");
    assertThat(cookies.get(1).httpOnly()).isTrue();
    assertThat(cookies.get(7).domain()).isEqualTo("baobacninhtv.vn");
    assertThat(cookies.get(7).sameSite()).isEqualTo("Lax");
  }

  @Test
  void aBrokenLineOrEntryIsNamed() {
    byte[] txt = ("# Netscape HTTP Cookie File\n.facebook.com\tTRUE\t/\tTRUE\t1826676000\tdatr\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CookieFiles.parse(txt, "cookies.txt"))
        .hasMessageStartingWith("cookies.txt: dòng 2: cần 7 cột cách nhau bằng tab").hasMessageContaining("có 6");
    byte[] badExpiry = ".facebook.com\tTRUE\t/\tTRUE\tmai\txs\tabc\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CookieFiles.parse(badExpiry, "c.txt"))
        .hasMessage("c.txt: dòng 1: cột hết hạn phải là số giây (epoch) nhưng là 'mai'");
    byte[] json = "[{\"domain\":\".facebook.com\",\"name\":\"c_user\",\"value\":\"1\"},{\"domain\":\".facebook.com\",\"value\":\"x\"}]"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CookieFiles.parse(json, "cookies.json"))
        .hasMessage("cookies.json: mục 2: thiếu trường \"name\" của cookie");
    assertThatThrownBy(() -> CookieFiles.parse("{\"cookies\": [1,".getBytes(StandardCharsets.UTF_8), "state.json"))
        .hasMessageStartingWith("state.json: dòng 1: JSON không hợp lệ");
    assertThatThrownBy(() -> CookieFiles.parse("{\"origins\": []}".getBytes(StandardCharsets.UTF_8), "s.json"))
        .hasMessageContaining("s.json: JSON không phải storage state của Playwright");
  }

  @Test
  void theStorageStateHoldsExactlyTheGivenCookiesAndNoOrigins() throws Exception {
    List<CookieFiles.Cookie> cookies = CookieFiles.parse(fixture("facebook-cookie-editor-2026-11-20.json"), "x")
        .cookies().subList(0, 2);
    JsonNode state = JSON.readTree(CookieFiles.storageState(cookies));
    assertThat(state.path("cookies")).hasSize(2);
    assertThat(state.path("cookies").get(1).path("name").asText()).isEqualTo("c_user");
    assertThat(state.path("cookies").get(1).path("expires").asLong()).isEqualTo(1802941964L);
    assertThat(state.path("origins")).isEmpty();
  }

  @Test
  void platformsOwnTheirDomainAndSubdomainsOnly() {
    SessionPlatform fb = SessionPlatform.FACEBOOK;
    assertThat(fb.owns(".facebook.com")).isTrue();
    assertThat(fb.owns("www.facebook.com")).isTrue();
    assertThat(fb.owns("m.facebook.com")).isTrue();
    assertThat(fb.owns("notfacebook.com")).isFalse();
    assertThat(fb.owns("facebook.com.evil.example")).isFalse();
    assertThat(fb.owns("www.messenger.com")).isFalse();
    assertThatThrownBy(() -> SessionPlatform.of("tiktok")).hasMessageContaining("dùng một trong: facebook");
  }
}
