package vn.minhchung.storage.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;

@Timeout(30)
class SecretBoxTest {
  static final String TOKEN = "EAAGm0PX4ZCpsBAKZBqZAZCvQ1t9x9Q";

  @Test
  void sealedValueOpensWithTheSameKeyAndContainsNoPlaintext(@TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    String sealed = box.seal(TOKEN, "platform_account:facebook:1002");
    assertThat(sealed).startsWith("v1:" + box.keyId() + ":").doesNotContain(TOKEN).doesNotContain("EAAG");
    assertThat(box.open(sealed, "platform_account:facebook:1002")).isEqualTo(TOKEN);
    assertThat(box.seal(TOKEN, "x")).isNotEqualTo(box.seal(TOKEN, "x"));
  }

  @Test
  void keyFileIsCreatedOwnerOnlyOnFirstUseAndReusedAfter(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data").resolve("secret.key");
    SecretBox first = SecretBox.fromKeyFile(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    SecretBox again = SecretBox.fromKeyFile(file);
    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(again.open(first.seal(TOKEN, "c"), "c")).isEqualTo(TOKEN);
  }

  @Test
  void environmentKeyWinsOverTheKeyFile(@TempDir Path dir) {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    SecretBox box = SecretBox.fromSettings(Settings.of(dir, Map.of("secretKey", key)));
    assertThat(box.toString()).contains("HARVESTER_SECRET_KEY").doesNotContain(key);
    assertThat(Files.exists(dir.resolve("secret.key"))).isFalse();
  }

  @Test
  void aWrongKeyIsReportedAsSuchWithWhatToDo(@TempDir Path dir) {
    String sealed = SecretBox.fromKeyFile(dir.resolve("a.key")).seal(TOKEN, "platform_account:zalo:4321");
    SecretBox other = SecretBox.fromKeyFile(dir.resolve("b.key"));
    assertThatThrownBy(() -> other.open(sealed, "platform_account:zalo:4321"))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("platform_account:zalo:4321")
        .hasMessageContaining("kết nối lại")
        .hasMessageContaining("HARVESTER_SECRET_KEY");
  }

  @Test
  void aSealMovedToAnotherAccountDoesNotOpen(@TempDir Path dir) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    String sealed = box.seal(TOKEN, "platform_account:facebook:1002");
    assertThatThrownBy(() -> box.open(sealed, "platform_account:facebook:9999"))
        .isInstanceOf(SecretKeyException.class).hasMessageContaining("bị hỏng hoặc bị sửa");
  }

  @Test
  void aMalformedKeyNamesItsSourceAndTheCommandThatMakesOne(@TempDir Path dir) {
    assertThatThrownBy(() -> SecretBox.fromSettings(Settings.of(dir, Map.of("secretKey", "mật-khẩu"))))
        .isInstanceOf(SecretKeyException.class).hasMessageContaining("HARVESTER_SECRET_KEY")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretBox.fromSettings(Settings.of(dir, Map.of("secretKey", "c2hvcnQ="))))
        .isInstanceOf(SecretKeyException.class).hasMessageContaining("32 byte");
  }

  @Test
  void masksShowFourAndThreeCharactersOfLongTokensOnly() {
    assertThat(Masks.mask(TOKEN)).isEqualTo("EAAG…x9Q");
    assertThat(Masks.mask("short-key")).isEqualTo("****");
  }
}
