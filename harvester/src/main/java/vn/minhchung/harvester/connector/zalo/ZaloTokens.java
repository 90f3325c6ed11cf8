package vn.minhchung.harvester.connector.zalo;

import java.util.Objects;

/** An OA's access and refresh token. {@link #toString()} masks both: they must never reach a log. */
public record ZaloTokens(String accessToken, String refreshToken) {
  public ZaloTokens {
    Objects.requireNonNull(accessToken, "accessToken");
  }

  @Override
  public String toString() {
    return "ZaloTokens[****]";
  }
}
