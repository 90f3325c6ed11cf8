package vn.minhchung.storage.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets of one account: the access token (or API key) and, for Zalo, the single-use refresh token.
 * {@link #toString()} masks both: they must never reach a log.
 */
public record AccountSecrets(String accessToken, String refreshToken) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public AccountSecrets {
    Objects.requireNonNull(accessToken, "accessToken");
  }

  public Optional<String> refresh() {
    return Optional.ofNullable(refreshToken).filter(r -> !r.isBlank());
  }

  String toJson() {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("access_token", accessToken);
    if (refreshToken != null) {
      n.put("refresh_token", refreshToken);
    }
    return n.toString();
  }

  static AccountSecrets fromJson(String json, PlatformAccount row) {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || !n.path("access_token").isTextual()) {
        throw new IllegalStateException(row + ": the secrets hold no access token");
      }
      return new AccountSecrets(n.path("access_token").asText(), n.path("refresh_token").asText(null));
    } catch (IOException e) {
      throw new IllegalStateException(row + ": the opened secrets are not JSON", e);
    }
  }

  @Override
  public String toString() {
    return "AccountSecrets[****]";
  }
}
