package vn.minhchung.harvester.capture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;

/**
 * Writes one capture in one transaction: the blob rows, the {@code capture} row with every hash and the
 * status, and, for an ok capture of an evidence item, the evidence's link to it.
 */
final class CaptureRecorder {
  private final Database db;

  CaptureRecorder(Database db) {
    this.db = db;
  }

  /** The row's facts, gathered by the service. */
  record Row(CaptureRequest request, String finalUrl, Instant capturedAt, CaptureStatus status, String detail,
      ShownFacts facts, String countsJson, String browserVersion, String toolVersion, String viewport,
      List<CaptureResult.StoredFile> files) {}

  long record(Row r) {
    return db.inTransaction(session -> {
      for (CaptureResult.StoredFile f : r.files()) {
        BlobStore.record(session, f.blob(), r.capturedAt());
      }
      Capture c = new Capture(r.request().url().toString(), r.capturedAt(), r.status().code());
      c.setFinalUrl(r.finalUrl());
      c.setStatusDetail(r.detail());
      r.request().channelCode().ifPresent(code -> c.setChannel(channel(session, code)));
      r.request().postId().ifPresent(id -> c.setPost(require(session, Post.class, id, "post")));
      r.request().runId().ifPresent(id -> c.setRun(require(session, HarvestRun.class, id, "harvest run")));
      c.setScreenshotSha(sha(r.files(), "screenshot.png").orElse(null));
      c.setFullpageSha(sha(r.files(), "fullpage.png").orElse(null));
      c.setHtmlSha(sha(r.files(), "page.html").orElse(null));
      c.setWarcSha(sha(r.files(), "capture.warc.gz").orElse(null));
      c.setJsonSha(sha(r.files(), "capture.json").orElse(null));
      c.setPostedAtText(r.facts().postedAtText().orElse(null));
      c.setCountsJson(r.countsJson());
      c.setBrowserVersion(r.browserVersion());
      c.setToolVersion(r.toolVersion());
      c.setViewport(r.viewport());
      session.persist(c);
      if (r.status() == CaptureStatus.OK && r.request().evidenceId().isPresent()) {
        Evidence e = require(session, Evidence.class, r.request().evidenceId().get(), "evidence");
        e.setCapture(c);
      }
      session.flush();
      return c.getId();
    });
  }

  private static Optional<String> sha(List<CaptureResult.StoredFile> files, String name) {
    return files.stream().filter(f -> f.name().equals(name)).map(f -> f.blob().sha256()).findFirst();
  }

  private static Channel channel(Session session, String code) {
    return session.createQuery("from Channel c where c.code = :code", Channel.class).setParameter("code", code)
        .uniqueResultOptional()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel code '" + code
            + "': register it first (see 'channels' in the registry) or omit --channel"));
  }

  private static <T> T require(Session session, Class<T> type, long id, String what) {
    T t = session.find(type, id);
    if (t == null) {
      throw new IllegalArgumentException("no " + what + " with id " + id);
    }
    return t;
  }
}
