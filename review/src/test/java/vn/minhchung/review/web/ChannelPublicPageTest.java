package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.post.ChannelSnapshot;
import vn.minhchung.storage.registry.Channel;

/** The channel page lists what the channel's public page showed (table {@code channel_snapshot}), newest first. */
@Timeout(60)
class ChannelPublicPageTest {
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
  void noSnapshotNoSection() {
    long id = server.fixture.channels.get("FB-STP").getId();
    assertThat(Browser.loggedIn(server, "xem").get("/channels/" + id).body()).doesNotContain("Trang công khai của kênh");
  }

  @Test
  void snapshotsShowNameVerificationAndFollowersNewestFirst() {
    long id = server.fixture.channels.get("FB-STP").getId();
    server.db.runInTransaction(s -> {
      Channel c = s.find(Channel.class, id);
      s.persist(new ChannelSnapshot(c, null, Instant.parse("2026-11-20T01:05:00Z"), "public_page",
          "Sở Tư pháp <b>Bắc Ninh</b>", true, 86420L, "86.420 người quan tâm"));
      s.persist(new ChannelSnapshot(c, null, Instant.parse("2026-11-21T01:05:00Z"), "public_page",
          "Sở Tư pháp Bắc Ninh", null, null, "Hơn 80 nghìn người quan tâm"));
    });

    String body = Browser.loggedIn(server, "xem").get("/channels/" + id).body();

    assertThat(body).contains("Trang công khai của kênh").contains("86.420").contains("Đã xác minh")
        .contains("Hơn 80 nghìn người quan tâm").contains("không rõ")
        .contains("Sở Tư pháp &lt;b&gt;Bắc Ninh&lt;/b&gt;").doesNotContain("<b>Bắc Ninh</b>");
    assertThat(body.indexOf("21/11/2026 08:05")).isPositive().isLessThan(body.indexOf("20/11/2026 08:05"));
  }
}
