package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

class AlertsCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-10T02:00:00Z");

  @TempDir Path dir;

  @Test
  void checkRaisesStaleChannelAlertAndListShowsItAsJson() {
    try (Database db = Database.open(DatabaseTarget.embedded(dir.resolve("db")))) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW.minusSeconds(864_000));
        s.persist(unit);
        s.persist(new Channel("BAO-BN", unit, ChannelKind.NEWS_SITE, "Báo Bắc Ninh", "https://baobacninhtv.vn",
            NOW.minusSeconds(864_000)));
      });
    }
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CliRun check = CliRun.run(dir, Map.of(), clock, "alerts", "check");
    assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(check.out()).contains("Đã kiểm tra: 1 cảnh báo mới, 0 đã hết, 1 đang mở, 0 đã gửi e-mail.");

    CliRun list = CliRun.run(dir, Map.of(), clock, "alerts", "list", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("\"key\" : \"stale_channel:BAO-BN\"", "\"kind\" : \"stale_channel\"",
        "\"status\" : \"open\"", "\"channel\" : \"BAO-BN\"", "\"planItem\" : null",
        "\"title\" : \"Kênh BAO-BN không thu thập được quá 2 ngày\"",
        "\"firstSeenAt\" : \"2026-11-10T09:00+07:00\"");

    CliRun text = CliRun.run(dir, Map.of(), clock, "alerts", "list");
    assertThat(text.out()).startsWith("[MỞ] 10/11/2026 09:00  stale_channel  Kênh BAO-BN không thu thập được quá 2 ngày");
  }

  @Test
  void smtpHostWithoutRecipientsIsBadInput() {
    CliRun r = CliRun.run(dir, Map.of("HARVESTER_SMTP_HOST", "127.0.0.1"), Clock.systemUTC(), "alerts", "list");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("smtp.host is set but smtp.to is empty");
  }
}
