package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.Timestamper;

/** {@code WebConfig.from} takes the dossier settings the way the {@code export} command does. */
class WebConfigTest {
  @TempDir Path data;

  @Test
  void tsaUrlSettingGivesTheSameTimestamperAsTheCommandLine() {
    Settings s = Settings.of(data, Map.of("tsa.url", "http://127.0.0.1:3180/tsa"));
    WebConfig c = WebConfig.from(s, "127.0.0.1", 8080);
    assertThat(c.timestamper()).map(Timestamper::url).hasValue(URI.create("http://127.0.0.1:3180/tsa"));
    assertThat(Timestamper.configured(s)).map(Timestamper::url).hasValue(URI.create("http://127.0.0.1:3180/tsa"));
    assertThat(c.dossierWorkDir()).isEqualTo(data.toAbsolutePath().normalize().resolve("tmp").resolve("dossier"));
  }

  @Test
  void withoutTsaUrlDossiersAreNotStamped() {
    Settings s = Settings.of(data, Map.of());
    assertThat(WebConfig.from(s, "0.0.0.0", 0).timestamper()).isEmpty();
    assertThat(Timestamper.configured(s)).isEmpty();
  }

  @Test
  void anHttpsPublicUrlMakesTheSessionCookieSecure() {
    assertThat(WebConfig.from(Settings.of(data, Map.of("web.publicUrl", "https://minhchung.bacninh.gov.vn/")),
        "127.0.0.1", 8080).secureCookies()).isTrue();
    assertThat(WebConfig.from(Settings.of(data, Map.of("web.publicUrl", "http://10.0.0.5:8080/")),
        "127.0.0.1", 8080).secureCookies()).isFalse();
    assertThat(WebConfig.from(Settings.of(data, Map.of()), "127.0.0.1", 8080).secureCookies()).isFalse();
  }
}
