package vn.minhchung.harvester.capture.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class HarToWarcTest {
  static byte[] har() throws IOException {
    try (InputStream in = HarToWarcTest.class.getResourceAsStream("/fixtures/capture/exchanges-2026-11-20.har")) {
      return in.readAllBytes();
    }
  }

  @Test
  void writesWarcinfoThenRequestAndResponsePerHttpExchange() throws IOException {
    byte[] warc = HarToWarc.convert(har(), Instant.parse("2026-11-20T03:15:42Z"), Map.of("isPartOf", "HB-PORTAL"));

    List<WarcRecord> records = new ArrayList<>();
    try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
      for (WarcRecord r : reader) {
        assertThat(r.version()).isEqualTo(MessageVersion.WARC_1_1);
        if (r instanceof WarcResponse resp) {
          records.add(resp);
          if (resp.target().endsWith("hoi-nghi-de-an-06.html")) {
            assertThat(new String(resp.http().body().stream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("<html><body><h1>Hội nghị triển khai Đề án 06</h1></body></html>");
            assertThat(resp.http().headers().all("Set-Cookie")).containsExactly("a=1", "b=2");
            assertThat(resp.http().headers().first("Content-Encoding")).isEmpty();
          }
          if (resp.target().endsWith("logo.png")) {
            assertThat(resp.http().body().stream().readAllBytes()).containsExactly(0x89, 'P', 'N', 'G');
          }
        } else if (r instanceof WarcRequest req) {
          records.add(req);
          if (req.http().method().equals("POST")) {
            assertThat(req.http().headers().first(":authority")).isEmpty();
            assertThat(new String(req.http().body().stream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"trang\":1}");
          }
        } else {
          assertThat(r).isInstanceOf(Warcinfo.class);
          assertThat(((Warcinfo) r).fields().first("isPartOf")).contains("HB-PORTAL");
          assertThat(records).isEmpty();
        }
      }
    }
    assertThat(records).hasSize(6);
  }

  @Test
  void malformedHarNamesTheProblem() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HarToWarc.convert("{\"log\":".getBytes(
        StandardCharsets.UTF_8), Instant.EPOCH, Map.of())).isInstanceOf(IOException.class);
  }
}
