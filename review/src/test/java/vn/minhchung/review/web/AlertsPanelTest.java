package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;

/** The "Cảnh báo" panel on the dashboard and the channels page reads open rows of table {@code alert}. */
@Timeout(60)
class AlertsPanelTest {
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(tmp);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void noOpenAlertSaysSo() {
    Browser viewer = Browser.loggedIn(server, "xem");
    for (String path : new String[] {"/", "/channels"}) {
      String body = viewer.get(path).body();
      assertThat(body).contains("<h2 id=\"alerts-title\">Cảnh báo").contains("Không có cảnh báo.")
          .doesNotContain("class=\"alert-item");
    }
  }

  @Test
  void openAlertsAreListedWithChannelKindMessageAndSinceAndResolvedOnesAreNot() {
    long channelId = server.fixture.channels.get("FB-STP").getId();
    long itemId = server.fixture.items.get("II.2").getId();
    server.db.runInTransaction(s -> {
      Channel stp = s.find(Channel.class, channelId);
      s.persist(new Alert("credential_rejected:FB-STP", Alert.Kind.CREDENTIAL_REJECTED, stp, null,
          "Khóa của kênh FB-STP bị từ chối", "Facebook từ chối mã truy cập <script>alert(1)</script> của kênh FB-STP.",
          Instant.parse("2026-11-02T08:30:00Z")));
      s.persist(new Alert("deadline_evidence:110/KH-UBND/II.2", Alert.Kind.DEADLINE_EVIDENCE, null,
          s.find(PlanItem.class, itemId), "Nhiệm vụ II.2 còn thiếu minh chứng", "Còn thiếu: Bản scan báo in 0/1.",
          Instant.parse("2026-11-01T01:00:00Z")));
      Alert old = new Alert("stale_channel:FB-STP", Alert.Kind.STALE_CHANNEL, stp, null, "Cũ", "Cảnh báo đã hết",
          Instant.parse("2026-10-01T01:00:00Z"));
      old.resolve(Instant.parse("2026-10-02T01:00:00Z"));
      s.persist(old);
    });
    Browser viewer = Browser.loggedIn(server, "xem");
    for (String path : new String[] {"/", "/channels"}) {
      String body = viewer.get(path).body();
      assertThat(body).doesNotContain("Không có cảnh báo").doesNotContain("Cảnh báo đã hết")
          .contains("<span class=\"badge badge-danger\">2</span>")
          .contains("Khóa truy cập bị từ chối")
          .contains("href=\"/channels/" + channelId + "\"")
          .contains("mã truy cập &lt;script&gt;alert(1)&lt;/script&gt; của kênh")
          .doesNotContain("<script>alert(1)</script>")
          .contains("từ 02/11/2026 15:30")
          .contains("Đến hạn hoặc quá hạn, thiếu minh chứng")
          .contains("href=\"/evidence?plan=110/KH-UBND&item=" + itemId + "\"")
          .contains("từ 01/11/2026 08:00");
      assertThat(body.indexOf("Khóa truy cập bị từ chối")).isLessThan(body.indexOf("Đến hạn hoặc quá hạn, thiếu minh chứng"));
    }
  }
}
