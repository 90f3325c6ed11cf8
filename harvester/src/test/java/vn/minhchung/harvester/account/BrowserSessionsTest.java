package vn.minhchung.harvester.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.credential.SavedSession;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

@Timeout(120)
class BrowserSessionsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void theSessionGoesToThePlatformsPagesOnlyAndAHarvestCanReportAWall(@TempDir Path dir) throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
      Settings real = Settings.of(dir, Map.of());
      BrowserSessions sessions = new BrowserSessions(db, () -> box, real, CLOCK);
      assertThat(sessions.report("facebook", SavedSession.State.LOGGED_OUT, "tường đăng nhập")).isFalse();
      sessions.importFile("facebook", CookieFilesTest.fixture("facebook-cookies-2026-11-20.txt"), "cookies.txt", "cli:a");

      assertThat(sessions.storageStateFor(URI.create("https://www.facebook.com/ubndtinhbacninh"))).isPresent();
      assertThat(sessions.storageStateFor(URI.create("https://m.facebook.com/story.php?id=1"))).isPresent();
      assertThat(sessions.storageStateFor(URI.create("https://baobacninhtv.vn/tin-tuc"))).isEmpty();
      assertThat(sessions.storageStateFor(URI.create("https://facebook.com.example.net/"))).isEmpty();
      JsonNode state = new ObjectMapper().readTree(sessions.storageStateFor(URI.create("https://www.facebook.com/"))
          .orElseThrow());
      assertThat(state.path("cookies")).hasSize(6).allSatisfy(c -> assertThat(c.path("domain").asText())
          .isEqualTo(".facebook.com"));

      Settings standIn = Settings.of(dir, Map.of("platforms.facebook.pageBaseUrl", "http://127.0.0.1:4545"));
      BrowserSessions local = new BrowserSessions(db, () -> box, standIn, CLOCK);
      JsonNode moved = new ObjectMapper().readTree(local.storageStateFor(URI.create("http://127.0.0.1:4545/ubnd"))
          .orElseThrow());
      assertThat(moved.path("cookies").get(0).path("domain").asText()).isEqualTo("127.0.0.1");
      assertThat(moved.path("cookies").get(0).path("secure").asBoolean()).isFalse();
      assertThat(local.storageStateFor(URI.create("http://127.0.0.1:4546/khac"))).as("another port").isEmpty();

      assertThat(sessions.report("facebook", SavedSession.State.CHECKPOINT, "trang yêu cầu xác minh khi thu thập"))
          .isTrue();
      BrowserSessions.Row row = sessions.find("facebook").orElseThrow();
      assertThat(row.state()).isEqualTo("checkpoint");
      assertThat(row.stateDetail()).isEqualTo("trang yêu cầu xác minh khi thu thập");
      assertThat(row.stateAt()).isEqualTo(CLOCK.instant());
      assertThat(row.checkedAt()).as("a report is not a check").isNull();
    } finally {
      TestDatabases.drop(target);
    }
  }
}
