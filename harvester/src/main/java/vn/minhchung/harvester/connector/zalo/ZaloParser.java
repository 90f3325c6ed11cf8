package vn.minhchung.harvester.connector.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.JsonBodies;

/**
 * Reads Zalo Open API answers: the {@code {error, message, data}} envelope, article slices and details, and
 * the OAuth token answer. Field names beyond {@code id}, {@code total_view}, {@code total_share} are not
 * confirmed by a first-hand source, so several spellings are accepted and missing ones stay null.
 */
public final class ZaloParser {
  private static final String[] URL_FIELDS = {"link", "url", "share_link", "tracking_link"};
  /** How long a granted token lives when the answer does not say (Zalo documents about 25 hours). */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(25);
  private static final String[] DATE_FIELDS = {"create_date", "created_date", "publish_date"};

  /** A slice of the article list: the articles in answer order, the list's total if given. */
  public record Slice(List<ZaloArticle> articles, Integer total) {}

  /** A granted token pair and its lifetime in seconds (null when not given). */
  public record Grant(ZaloTokens tokens, Long expiresInSeconds) {}

  private ZaloParser() {}

  public static ZaloAnswer<Slice> parseSlice(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = envelope(body, source);
    if (root.path("error").asInt() != 0) {
      return failed(root);
    }
    JsonNode data = root.path("data");
    JsonNode medias = data.path("medias");
    if (!medias.isArray()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
          source + ": expected data.medias[] in the article list but found " + medias.getNodeType());
    }
    List<ZaloArticle> list = new ArrayList<>();
    for (JsonNode m : medias) {
      article(m).ifPresent(list::add);
    }
    JsonNode total = data.path("total");
    return new ZaloAnswer.Ok<>(new Slice(list, total.canConvertToInt() ? total.asInt() : null));
  }

  public static ZaloAnswer<Optional<ZaloArticle>> parseDetail(byte[] body, URI source, Clock clock)
      throws ConnectorException {
    JsonNode root = envelope(body, source);
    if (root.path("error").asInt() != 0) {
      return failed(root);
    }
    return new ZaloAnswer.Ok<>(article(root.path("data")));
  }

  /** The OAuth answer: a new pair, or the error the OAuth server gives (e.g. -14020 for a reused token). */
  public static ZaloAnswer<Grant> parseGrant(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    String access = JsonBodies.text(root, "access_token");
    String refresh = JsonBodies.text(root, "refresh_token");
    if (access != null && refresh != null) {
      return new ZaloAnswer.Ok<>(new Grant(new ZaloTokens(access, refresh), JsonBodies.count(root.path("expires_in"))));
    }
    String reason = Optional.ofNullable(JsonBodies.text(root, "error_description"))
        .or(() -> Optional.ofNullable(JsonBodies.text(root, "error_name")))
        .or(() -> Optional.ofNullable(JsonBodies.text(root, "message"))).orElse("no token in the answer");
    return new ZaloAnswer.Failed<>(root.path("error").asInt(0), reason);
  }

  /** The OA an access token belongs to ({@code getoa}): id, name, verification, followers. */
  public record Oa(String oaId, String name, boolean verified, Long followers) {}

  public static ZaloAnswer<Oa> parseOa(byte[] body, URI source, Clock clock) throws ConnectorException {
    JsonNode root = envelope(body, source);
    if (root.path("error").asInt() != 0) {
      return failed(root);
    }
    JsonNode d = root.path("data");
    String id = JsonBodies.text(d, "oa_id");
    if (id == null) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE, source + ": getoa answered without data.oa_id");
    }
    return new ZaloAnswer.Ok<>(new Oa(id, JsonBodies.text(d, "name"), d.path("is_verified").asBoolean(false),
        JsonBodies.count(d.path("num_follower"))));
  }

  /** Epoch milliseconds (or seconds, for small values), given as a number or a numeric string. */
  static Instant epoch(Long value) {
    if (value == null || value <= 0) {
      return null;
    }
    return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }

  private static JsonNode envelope(byte[] body, URI source) throws ConnectorException {
    JsonNode root = JsonBodies.read(body, source);
    if (!root.path("error").canConvertToInt()) {
      throw new ConnectorException(ConnectorException.Kind.BAD_RESPONSE,
          source + ": expected Zalo's {error, message, data} envelope but found no \"error\" field");
    }
    return root;
  }

  private static <T> ZaloAnswer<T> failed(JsonNode root) {
    return new ZaloAnswer.Failed<>(root.path("error").asInt(),
        Optional.ofNullable(JsonBodies.text(root, "message")).orElse(""));
  }

  private static Optional<ZaloArticle> article(JsonNode m) {
    String id = JsonBodies.text(m, "id");
    if (id == null) {
      return Optional.empty();
    }
    Instant created = null;
    String createdText = null;
    for (String f : DATE_FIELDS) {
      Long v = JsonBodies.count(m.path(f));
      if (v != null) {
        created = epoch(v);
        createdText = m.path(f).asText();
        break;
      }
    }
    String url = null;
    for (String f : URL_FIELDS) {
      String v = JsonBodies.text(m, f);
      if (v != null && v.startsWith("http")) {
        url = v;
        break;
      }
    }
    JsonNode cover = m.path("cover");
    String coverUrl = cover.isObject() ? Optional.ofNullable(JsonBodies.text(cover, "photo_url"))
        .orElse(JsonBodies.text(cover, "url")) : JsonBodies.text(m, "cover");
    String thumb = coverUrl != null ? coverUrl : JsonBodies.text(m, "thumb");
    return Optional.of(new ZaloArticle(id, JsonBodies.text(m, "type"), JsonBodies.text(m, "title"),
        JsonBodies.text(m, "description"), url, thumb, created, createdText, JsonBodies.count(m.path("total_view")),
        JsonBodies.count(m.path("total_share")), JsonBodies.text(m, "status"),
        JsonBodies.unreadableCount(m.path("total_view")) || JsonBodies.unreadableCount(m.path("total_share"))));
  }
}
