package vn.minhchung.review.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.review.export.Timestamper;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * A review server on 127.0.0.1 with a random port over a fresh database holding {@link ReviewFixture} and three
 * users (quantri / admin, canbo / reviewer, xem / viewer; password {@link #PASSWORD}). The clock can be moved.
 */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "Mat-khau-2026!";
  static final long UPLOAD_MAX = 300_000;

  final DatabaseTarget target;
  final Database db;
  final BlobStore blobs;
  final ReviewFixture fixture;
  final MutableClock clock = new MutableClock(ReviewFixture.NOW);
  final WebServer server;
  final Path dossierWorkDir;
  final CopyOnWriteArrayList<String> harvested = new CopyOnWriteArrayList<>();
  final CopyOnWriteArrayList<Long> recaptured = new CopyOnWriteArrayList<>();

  TestServer(Path tmp) {
    this(tmp, Optional.empty());
  }

  /** Downloaded dossiers are assembled in {@code tmp/data/tmp/dossier} and stamped by {@code tsa} when given. */
  TestServer(Path tmp, Optional<Timestamper> tsa) {
    this(tmp, tsa, false);
  }

  /** As {@link #TestServer(Path, Optional)}; {@code secureCookies} as when {@code web.publicUrl} is https. */
  TestServer(Path tmp, Optional<Timestamper> tsa, boolean secureCookies) {
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    blobs = new BlobStore(tmp.resolve("blobs"));
    fixture = db.inTransaction(s -> {
      ReviewFixture f = ReviewFixture.build(s, blobs);
      for (var u : Map.of("quantri", Role.ADMIN, "canbo", Role.REVIEWER, "xem", Role.VIEWER).entrySet()) {
        Users.add(s, u.getKey(), u.getValue(), PASSWORD.toCharArray(), "test", ReviewFixture.NOW, 4);
      }
      return f;
    });
    HarvestActions actions = new HarvestActions() {
      @Override public void harvestNow(String channelCode) {
        harvested.add(channelCode);
      }

      @Override public void captureAgain(long evidenceId) {
        recaptured.add(evidenceId);
      }

      /** A stand-in for the address policy: private IPv4 literals (10.x, 192.168.x) are refused. */
      @Override public Optional<String> refusal(java.net.URI url) {
        String h = url.getHost();
        return h.startsWith("10.") || h.startsWith("192.168.")
            ? Optional.of("refused " + url + ": " + h + " is a private-network address") : Optional.empty();
      }
    };
    dossierWorkDir = tmp.resolve("data").resolve("tmp").resolve("dossier");
    server = WebServer.start(new WebConfig("127.0.0.1", 0, Duration.ofMinutes(30), UPLOAD_MAX, 14, 2, dossierWorkDir, tsa,
        secureCookies, 7, Optional.empty()),
        db, blobs, clock, Optional.of(actions), Optional.empty());
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  long id(String evidenceKey) {
    return fixture.evidence.get(evidenceKey).getId();
  }

  @Override
  public void close() {
    server.close();
    db.close();
    TestDatabases.drop(target);
  }

  /** A clock tests can move forward (session expiry). */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return now;
    }
  }
}
