package vn.minhchung.harvester.http;

import java.net.URI;
import java.util.Optional;

/** A fetched page: where it was asked for, where it came from after redirects, status, type and bytes. */
public record Page(URI requested, URI finalUri, int status, String contentType, byte[] body) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body decoded with {@link HtmlCharset} (header, BOM, meta, fallback), NFC. */
  public HtmlCharset.Decoded decoded() {
    return HtmlCharset.decode(body, contentType);
  }

  public Optional<String> contentTypeValue() {
    return Optional.ofNullable(contentType);
  }
}
