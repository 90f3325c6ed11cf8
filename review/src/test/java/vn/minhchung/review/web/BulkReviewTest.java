package vn.minhchung.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;

/** Bulk review and the live status endpoints over HTTP: one transaction, CSRF, limits, and the JSON the pages poll. */
class BulkReviewTest extends ServerTestBase {
  private static List<Map.Entry<String, String>> form(String action, long... ids) {
    List<Map.Entry<String, String>> f = new ArrayList<>();
    f.add(Map.entry("action", action));
    f.add(Map.entry("queue", "status=pending&item=2"));
    for (long id : ids) {
      f.add(Map.entry("id", Long.toString(id)));
    }
    return f;
  }

  @Test
  void anUnknownItemInTheSelectionUndoesTheWholeBatch() {
    Browser b = Browser.loggedIn(server, "canbo");
    b.get("/evidence");
    long stp = server.id("stp-luat");
    HttpResponse<String> r = b.postRepeated("/evidence/bulk", form("approve", stp, 987_654));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("minh chứng #987654");
    assertThat(status(stp)).isEqualTo("pending");
    assertThat(audits(stp, "evidence.approve")).isZero();
  }

  @Test
  void approvalReturnsToTheSameQueueAndAuditsEachItem() {
    Browser b = Browser.loggedIn(server, "canbo");
    b.get("/evidence");
    long pending = server.id("pending-fb");
    HttpResponse<String> r = b.postRepeated("/evidence/bulk", form("approve", pending));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/evidence?status=pending&item=2");
    assertThat(status(pending)).isEqualTo("approved");
    assertThat(audits(pending, "evidence.approve")).isEqualTo(1);
    // Approving again changes nothing and audits nothing.
    b.postRepeated("/evidence/bulk", form("approve", pending));
    assertThat(audits(pending, "evidence.approve")).isEqualTo(1);
  }

  @Test
  void formsOfAnItemOpenedFromTheQueueKeepThatQueue() {
    Browser b = Browser.loggedIn(server, "canbo");
    long clip2 = server.id("clip2");
    long ii2 = server.fixture.items.get("II.2").getId();
    String queue = "item=" + ii2 + "&status=approved";
    b.get("/evidence/" + clip2 + "?queue=" + QueueContext.enc(queue));
    HttpResponse<String> relinked = b.post("/evidence/" + clip2 + "/links", Map.of("item", Long.toString(ii2), "queue", queue));
    assertThat(relinked.headers().firstValue("Location")).hasValue("/evidence/" + clip2 + "?queue=" + QueueContext.enc(queue));
    // clip2 stays approved; the next approved item of II.2 (a smaller id) opens.
    HttpResponse<String> approved = b.post("/evidence/" + clip2 + "/review", Map.of("decision", "approve", "queue", queue));
    assertThat(approved.headers().firstValue("Location"))
        .hasValue("/evidence/" + server.id("clip1") + "?queue=" + QueueContext.enc(queue));
  }

  @Test
  void withoutTheCsrfTokenNothingHappens() {
    Browser b = Browser.loggedIn(server, "canbo");
    long clip4 = server.id("clip4");
    HttpResponse<String> r = b.postRaw("/evidence/bulk", Map.of("action", "approve", "id", Long.toString(clip4)));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(status(clip4)).isEqualTo("pending");
  }

  @Test
  void moreThanTheLimitOrNoSelectionIsRefusedWithAReason() {
    Browser b = Browser.loggedIn(server, "canbo");
    b.get("/evidence");
    long[] many = new long[BulkReview.MAX_ITEMS + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = 1_000_000 + i;
    }
    HttpResponse<String> tooMany = b.postRepeated("/evidence/bulk", form("approve", many));
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("tối đa 500 minh chứng").contains("flash-error");
    HttpResponse<String> none = b.postRepeated("/evidence/bulk", form("approve"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Chưa chọn minh chứng nào");
    HttpResponse<String> unknown = b.postRepeated("/evidence/bulk", form("publish", server.id("clip4")));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Thao tác không hợp lệ");
  }

  @Test
  void channelStatusFollowsTheRequestTheRunAndItsEnd() {
    Browser b = Browser.loggedIn(server, "canbo");
    Channel fb = server.fixture.channels.get("FB-TTBN");
    assertThat(b.get("/channels/" + fb.getId() + "/status").body()).contains("\"state\":\"done\"");
    b.get("/channels/" + fb.getId());
    assertThat(b.post("/channels/" + fb.getId() + "/harvest", Map.of()).statusCode()).isEqualTo(303);
    HttpResponse<String> waiting = b.get("/channels/" + fb.getId() + "/status");
    assertThat(waiting.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(waiting.body()).contains("\"state\":\"waiting\"").contains("đang chờ bắt đầu");
    long run = server.db.inTransaction(s -> {
      HarvestRun r = new HarvestRun(s.find(Channel.class, fb.getId()), server.clock.instant(), "ui", "node-1");
      s.persist(r);
      return r.getId();
    });
    assertThat(b.get("/channels/" + fb.getId() + "/status").body()).contains("\"state\":\"running\"");
    server.db.runInTransaction(s -> s.find(HarvestRun.class, run)
        .finish(HarvestRun.Status.SUCCESS, server.clock.instant().plusSeconds(30), 1, 0, 0, 1, 1, null));
    assertThat(b.get("/channels/" + fb.getId() + "/status").body()).contains("\"state\":\"done\"").contains("thành công");
    assertThat(Browser.loggedIn(server, "xem").get("/evidence/" + server.id("clip2") + "/status").statusCode()).isEqualTo(200);
  }

  private String status(long id) {
    return server.db.inTransaction(s -> s.find(Evidence.class, id).getStatus());
  }

  private long audits(long id, String action) {
    return server.db.inTransaction(s -> s.createSelectionQuery(
        "select count(a) from AuditEvent a where a.action = :a and a.entityId = :id", Long.class)
        .setParameter("a", action).setParameter("id", Long.toString(id)).getSingleResult());
  }
}
