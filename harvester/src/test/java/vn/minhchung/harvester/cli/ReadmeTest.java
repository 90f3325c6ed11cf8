package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.minhchung.config.settings.SettingKey;
import vn.minhchung.config.settings.Settings;

class ReadmeTest {
  @Test
  void configurationSectionListsEverySettingWithItsVariable() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String config = readme.substring(readme.indexOf("## Configuration"));
    for (SettingKey k : Settings.KEYS) {
      assertThat(config).contains("| `" + k.key() + "` |").contains("`" + k.environmentVariable() + "`");
    }
  }
}
