package vn.minhchung.harvester.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A complete HTTP answer: status, headers, body bytes, and where it finally came from after redirects. */
public record HttpResult(URI requested, URI finalUri, int status, HttpHeaders headers, byte[] body, int attempts) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The body as UTF-8 text (for JSON APIs; HTML charset detection is the caller's job). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
