package vn.minhchung.harvester.connector.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.credential.PlatformCredential;
import vn.minhchung.storage.db.Database;

/**
 * Keeps each OA's token pair in {@code platform_credential}. A refresh happens under a row lock and the new
 * pair is committed before anyone uses it, because Zalo's refresh token works once: a pair lost after a
 * refresh, or two nodes refreshing with the same token, would lock the OA out until staff grant a new one.
 */
public final class ZaloTokenStore {
  static final String PLATFORM = "zalo";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Database database;
  private final Clock clock;

  public ZaloTokenStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A refresh call made while the lock is held; returns the new pair or throws why it failed. */
  @FunctionalInterface
  public interface Refresher {
    ZaloParser.Grant refresh(String refreshToken) throws ConnectorException;
  }

  /** The stored pair of {@code account}; the first time, {@code initial} (from settings) is stored and used. */
  public Optional<ZaloTokens> current(String account, Optional<ZaloTokens> initial) {
    return database.inTransaction(s -> {
      Optional<PlatformCredential> row = find(s, account, LockModeType.NONE);
      if (row.isPresent()) {
        return Optional.of(read(row.get()));
      }
      initial.ifPresent(t -> s.persist(new PlatformCredential(PLATFORM, account, write(t), null, clock.instant())));
      return initial;
    });
  }

  /**
   * Replaces {@code used} by a fresh pair. If another run already replaced it (the stored access token differs),
   * that newer pair is returned without calling Zalo; otherwise {@code refresher} runs under the row lock and
   * its pair is committed before this method returns.
   */
  public ZaloTokens refresh(String account, ZaloTokens used, Refresher refresher) throws ConnectorException {
    ConnectorException[] failure = new ConnectorException[1];
    ZaloTokens result = database.inTransaction(s -> {
      PlatformCredential row = find(s, account, LockModeType.PESSIMISTIC_WRITE).orElse(null);
      ZaloTokens stored = row == null ? used : read(row);
      if (!stored.accessToken().equals(used.accessToken())) {
        return stored;
      }
      if (stored.refreshToken() == null) {
        failure[0] = new ConnectorException(ConnectorException.Kind.AUTH, account
            + ": token Zalo hết hạn và không có refresh token; đặt platforms.zalo.refreshToken");
        return null;
      }
      ZaloParser.Grant grant;
      try {
        grant = refresher.refresh(stored.refreshToken());
      } catch (ConnectorException e) {
        failure[0] = e;
        return null;
      }
      Instant now = clock.instant();
      Instant expires = now.plusSeconds(grant.expiresInSeconds() == null
          ? ZaloParser.DEFAULT_LIFETIME.toSeconds() : grant.expiresInSeconds());
      if (row == null) {
        s.persist(new PlatformCredential(PLATFORM, account, write(grant.tokens()), expires, now));
      } else {
        row.update(write(grant.tokens()), expires, now);
      }
      return grant.tokens();
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    return result;
  }

  private static Optional<PlatformCredential> find(Session s, String account, LockModeType lock) {
    return s.createSelectionQuery("from PlatformCredential where platform = :p and account = :a",
            PlatformCredential.class)
        .setParameter("p", PLATFORM).setParameter("a", account)
        .setLockMode(lock)
        .uniqueResultOptional();
  }

  private static ZaloTokens read(PlatformCredential row) {
    try {
      JsonNode n = MAPPER.readTree(row.getSecretJson());
      String refresh = n.path("refresh_token").asText(null);
      return new ZaloTokens(n.path("access_token").asText(), refresh);
    } catch (IOException e) {
      throw new UncheckedIOException("platform_credential " + row + ": secret_json is not JSON", e);
    }
  }

  private static String write(ZaloTokens t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("access_token", t.accessToken());
    n.put("refresh_token", t.refreshToken());
    return n.toString();
  }
}
