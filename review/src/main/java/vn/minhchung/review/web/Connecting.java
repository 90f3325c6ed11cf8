package vn.minhchung.review.web;

import java.net.URI;
import java.util.Optional;
import vn.minhchung.storage.credential.SecretBox;

/**
 * What the connect flows need besides the database: the platform side, the key that seals PKCE verifiers, and
 * the address the platforms send people back to ({@code web.publicUrl}).
 */
public record Connecting(AccountConnect platforms, SecretBox box, Optional<URI> publicUrl) {

  /** Where a platform's consent page sends the browser back: {@code web.publicUrl} + {@code /connect/P/callback}. */
  Optional<URI> callback(String platform) {
    return publicUrl.map(u -> URI.create(u.toString().replaceAll("/+$", "") + "/connect/" + platform + "/callback"));
  }
}
