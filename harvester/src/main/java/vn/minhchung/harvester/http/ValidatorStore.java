package vn.minhchung.harvester.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/**
 * What {@link PoliteFetcher} remembers of a page for conditional GET: the ETag and Last-Modified of its last 2xx
 * answer and the SHA-256 of its body, never the page. About 200 bytes per URL.
 */
public sealed interface ValidatorStore permits ValidatorStore.InDatabase, ValidatorStore.InMemory {
  /** Longer validators are not kept (a hostile server could send megabytes); the body hash still works. */
  int MAX_ETAG = 1000;
  int MAX_LAST_MODIFIED = 100;

  /** The validators of one URL; {@code etag} and {@code lastModified} may be null, {@code bodySha256} never. */
  record Validators(String etag, String lastModified, String bodySha256) {
    /** The validators of an answer: its headers when short enough, and the hash of {@code body}. */
    static Validators of(HttpResult r) {
      String etag = r.header("ETag").filter(v -> v.length() <= MAX_ETAG).orElse(null);
      String lastModified = r.header("Last-Modified").filter(v -> v.length() <= MAX_LAST_MODIFIED).orElse(null);
      return new Validators(etag, lastModified, sha256(r.body()));
    }
  }

  Optional<Validators> get(URI uri);

  void put(URI uri, Validators validators, Instant now);

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(BlobStore.sha256().digest(bytes));
  }

  /** Kept in table {@code fetch_validator}: survives restarts and serves every process and node. */
  record InDatabase(Database database) implements ValidatorStore {
    private static final int MAX_URL = 2000;

    @Override
    public Optional<Validators> get(URI uri) {
      try (Connection c = database.connection(); PreparedStatement q = c.prepareStatement(
          "select etag, last_modified, body_sha256 from fetch_validator where url_sha256 = ?")) {
        q.setString(1, key(uri));
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(new Validators(rs.getString(1), rs.getString(2), rs.getString(3)))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read table fetch_validator for " + uri + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void put(URI uri, Validators v, Instant now) {
      try (Connection c = database.connection()) {
        c.setAutoCommit(true);
        if (update(c, uri, v, now)) {
          return;
        }
        try (PreparedStatement ins = c.prepareStatement("insert into fetch_validator "
            + "(url_sha256, url, etag, last_modified, body_sha256, fetched_at) values (?, ?, ?, ?, ?, ?)")) {
          String url = uri.toString();
          ins.setString(1, key(uri));
          ins.setString(2, url.length() > MAX_URL ? url.substring(0, MAX_URL) : url);
          ins.setString(3, v.etag());
          ins.setString(4, v.lastModified());
          ins.setString(5, v.bodySha256());
          ins.setTimestamp(6, Timestamp.from(now));
          ins.executeUpdate();
        } catch (SQLException raceLost) {
          // Another thread or node inserted this URL's row first: overwrite it with this answer.
          if (!update(c, uri, v, now)) {
            throw raceLost;
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot write table fetch_validator for " + uri + ": " + e.getMessage(), e);
      }
    }

    private static boolean update(Connection c, URI uri, Validators v, Instant now) throws SQLException {
      try (PreparedStatement up = c.prepareStatement("update fetch_validator set etag = ?, last_modified = ?, "
          + "body_sha256 = ?, fetched_at = ? where url_sha256 = ?")) {
        up.setString(1, v.etag());
        up.setString(2, v.lastModified());
        up.setString(3, v.bodySha256());
        up.setTimestamp(4, Timestamp.from(now));
        up.setString(5, key(uri));
        return up.executeUpdate() == 1;
      }
    }

    private static String key(URI uri) {
      return sha256(uri.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Kept in this process only, for its last {@link #REMEMBERED} URLs: for tools without a database (benchmarks). */
  final class InMemory implements ValidatorStore {
    static final int REMEMBERED = 10_000;
    private final Map<URI, Validators> map = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<URI, Validators> eldest) {
        return size() > REMEMBERED;
      }
    });

    @Override
    public Optional<Validators> get(URI uri) {
      return Optional.ofNullable(map.get(uri));
    }

    @Override
    public void put(URI uri, Validators validators, Instant now) {
      map.put(uri, validators);
    }
  }
}
