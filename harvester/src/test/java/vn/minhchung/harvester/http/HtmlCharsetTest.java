package vn.minhchung.harvester.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.minhchung.harvester.connector.web.Fixtures;

class HtmlCharsetTest {
  private static final byte[] WIN1258 = Fixtures.raw("windows-1258-article-2026-11-10.html");

  @Test
  void decodesWindows1258ToNfcVietnamese() {
    HtmlCharset.Decoded d = HtmlCharset.decode(WIN1258, "text/html");
    assertThat(d.charset()).isEqualTo(HtmlCharset.WINDOWS_1258);
    assertThat(d.source()).isEqualTo("meta");
    assertThat(d.text()).contains("Huyện Lương Tài đẩy mạnh chuyển đổi số").contains("Ủy ban nhân dân huyện");
  }

  @Test
  void aWrongUtf8HeaderIsOverriddenByTheMetaWhenTheBytesAreNotUtf8() {
    HtmlCharset.Decoded d = HtmlCharset.decode(WIN1258, "text/html; charset=UTF-8");
    assertThat(d.source()).isEqualTo("meta");
    assertThat(d.text()).contains("Lượt xem: 456");
  }

  @Test
  void theHeaderWinsWhenTheBytesAreValidInIt() {
    byte[] utf8 = "<meta charset=\"windows-1258\"><p>Chuyển đổi số</p>".getBytes(StandardCharsets.UTF_8);
    HtmlCharset.Decoded d = HtmlCharset.decode(utf8, "text/html;charset=utf-8");
    assertThat(d.source()).isEqualTo("header");
    assertThat(d.text()).contains("Chuyển đổi số");
  }

  @Test
  void aByteOrderMarkWinsOverEverything() {
    byte[] body = ("\uFEFF<meta charset=\"windows-1258\"><p>Bắc Ninh</p>").getBytes(StandardCharsets.UTF_8);
    HtmlCharset.Decoded d = HtmlCharset.decode(body, "text/html; charset=windows-1258");
    assertThat(d.source()).isEqualTo("bom");
    assertThat(d.text()).startsWith("<meta").contains("Bắc Ninh");
  }

  @Test
  void withoutHeaderOrMetaValidUtf8IsUtf8AndTheRestIsWindows1258() {
    assertThat(HtmlCharset.decode("<p>Sở KH&CN</p>".getBytes(StandardCharsets.UTF_8), null).source())
        .isEqualTo("utf-8-valid");
    byte[] noMeta = new String(WIN1258, HtmlCharset.WINDOWS_1258).replace("charset=windows-1258", "")
        .getBytes(HtmlCharset.WINDOWS_1258);
    HtmlCharset.Decoded d = HtmlCharset.decode(noMeta, null);
    assertThat(d.source()).isEqualTo("fallback");
    assertThat(d.text()).contains("Huyện Lương Tài");
  }

  @Test
  void anUnknownCharsetNameIsIgnored() {
    HtmlCharset.Decoded d = HtmlCharset.decode("<p>Tiên Du</p>".getBytes(StandardCharsets.UTF_8),
        "text/html; charset=x-no-such-charset");
    assertThat(d.text()).contains("Tiên Du");
  }
}
