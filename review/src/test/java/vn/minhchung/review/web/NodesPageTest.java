package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.node.ClusterNodes;
import vn.minhchung.storage.node.NodeRole;

/** The admin page "Máy chủ" lists the nodes of {@code cluster_node} with their state. */
@Timeout(60)
class NodesPageTest {
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
  void adminsSeeEveryNodeWithRoleVersionAndStateOthersAreRefused() {
    Instant now = server.clock.instant();
    ClusterNodes.report(server.db, "bn-1:8080", NodeRole.ALL, "0.1.0", "bn-1", Optional.of("http://bn-1:8080/"),
        now.minus(Duration.ofHours(2)));
    ClusterNodes.beat(server.db, "bn-1:8080", now.minusSeconds(20));
    ClusterNodes.report(server.db, "bn-2:worker", NodeRole.WORKER, "0.1.0", "bn-2", Optional.empty(),
        now.minus(Duration.ofHours(3)));
    ClusterNodes.report(server.db, "bn-3:8081", NodeRole.UI, "0.1.0", "bn-3", Optional.of("http://bn-3:8081/"),
        now.minus(Duration.ofHours(1)));
    ClusterNodes.stopped(server.db, "bn-3:8081", now.minus(Duration.ofMinutes(30)));

    String body = Browser.loggedIn(server, "quantri").get("/nodes").body();
    assertThat(body).contains("<h1>Máy chủ</h1>").contains("href=\"/nodes\"")
        .contains("bn-1:8080").contains("Giao diện và thu thập").contains("Đang chạy")
        .contains("bn-2:worker").contains("Chỉ thu thập (--no-ui)").contains("Mất liên lạc")
        .contains("bn-3:8081").contains("Chỉ giao diện (--no-scheduler)").contains("Đã dừng lúc");
    assertThat(body.indexOf("bn-1:8080")).isLessThan(body.indexOf("bn-2:worker"));

    assertThat(Browser.loggedIn(server, "canbo").get("/nodes").statusCode()).isEqualTo(403);
    assertThat(Browser.loggedIn(server, "canbo").get("/").body()).doesNotContain("href=\"/nodes\"");
  }
}
