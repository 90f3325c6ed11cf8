package vn.minhchung.review.verify;

import java.util.Optional;

/** Entry names a dossier may hold: relative, forward slashes, no "." or ".." segment, no control characters. */
final class EntryNames {
  private EntryNames() {}

  /** Why the name is refused, or empty when it is safe. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("empty entry name");
    }
    if (name.indexOf('\\') >= 0) {
      return Optional.of("entry name contains a backslash");
    }
    if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
      return Optional.of("entry name is an absolute path");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("entry name contains control characters");
    }
    for (String seg : name.split("/", -1)) {
      if (seg.equals("..") || seg.equals(".")) {
        return Optional.of("entry name climbs out of the dossier ('" + seg + "' segment)");
      }
    }
    if (name.length() > 1024) {
      return Optional.of("entry name is longer than 1024 characters");
    }
    return Optional.empty();
  }
}
