package vn.minhchung.storage.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

@Timeout(60)
class SavedSessionsTest {
  static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
  static final String XS = "31%3AaBcDeFgHiJkLmN%3A2%3A1763600000%3A-1%3A11234";
  static final String STATE = "{\"cookies\":[{\"name\":\"c_user\",\"value\":\"100089765432101\",\"domain\":"
      + "\".facebook.com\",\"path\":\"/\",\"expires\":1795136000,\"httpOnly\":false,\"secure\":true,\"sameSite\":"
      + "\"None\"},{\"name\":\"xs\",\"value\":\"" + XS + "\",\"domain\":\".facebook.com\",\"path\":\"/\",\"expires\":"
      + "1795136000,\"httpOnly\":true,\"secure\":true,\"sameSite\":\"None\"}],\"origins\":[]}";

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void theStorageStateIsSealedAtRestAndAReimportStartsUnchecked(DatabaseTarget target, @TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> SavedSessions.store(s, box, new SavedSessions.Import("facebook", STATE, "netscape", 2,
          Instant.parse("2026-11-20T00:00:00Z")), "cli:nguyenvana", NOW));
      List<String> raw = new ArrayList<>();
      db.runInTransaction(s -> s.doWork(con -> {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("select * from browser_session")) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              raw.add(String.valueOf(rs.getObject(i)));
            }
          }
        }
      }));
      assertThat(String.join("|", raw)).doesNotContain(XS).doesNotContain("c_user").doesNotContain("100089765432101")
          .contains("v1:" + box.keyId() + ":").contains("unknown").contains("cli:nguyenvana");

      db.runInTransaction(s -> SavedSessions.find(s, "facebook").orElseThrow()
          .mark(SavedSession.State.CHECKPOINT, "Facebook yêu cầu xác minh danh tính", NOW.plusSeconds(60), true));
      SavedSession checked = db.inTransaction(s -> SavedSessions.find(s, "facebook").orElseThrow());
      assertThat(checked.getState()).isEqualTo(SavedSession.State.CHECKPOINT);
      assertThat(checked.getCheckedAt()).isEqualTo(NOW.plusSeconds(60));
      assertThat(checked.storageState(box)).isEqualTo(STATE);
      assertThat(checked.toString()).doesNotContain(XS);

      db.runInTransaction(s -> SavedSessions.store(s, box, new SavedSessions.Import("facebook", STATE, "extension", 2,
          null), "web:admin", NOW.plusSeconds(120)));
      List<SavedSession> all = db.inTransaction(SavedSessions::list);
      assertThat(all).singleElement().satisfies(r -> {
        assertThat(r.getState()).isEqualTo(SavedSession.State.UNKNOWN);
        assertThat(r.getCheckedAt()).isNull();
        assertThat(r.getSourceFormat()).isEqualTo("extension");
        assertThat(r.getImportedBy()).isEqualTo("web:admin");
      });

      SecretBox other = SecretBox.fromKeyFile(dir.resolve("other.key"));
      assertThatThrownBy(() -> all.get(0).storageState(other)).isInstanceOf(SecretKeyException.class)
          .hasMessageContaining("browser_session:facebook");

      java.util.Optional<SavedSession> removed = db.inTransaction(s -> SavedSessions.remove(s, "facebook"));
      assertThat(removed).isPresent();
      java.util.Optional<SavedSession> left = db.inTransaction(s -> SavedSessions.find(s, "facebook"));
      assertThat(left).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }
}
