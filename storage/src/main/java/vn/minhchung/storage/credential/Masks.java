package vn.minhchung.storage.credential;

/** How a token is shown to people: enough to tell two apart, never enough to use ({@code EAAG…x9Q}). */
public final class Masks {
  private Masks() {}

  /** First 4 and last 3 characters of a token of 16 or more; shorter ones show nothing. */
  public static String mask(String token) {
    if (token == null || token.isEmpty()) {
      return "";
    }
    String t = token.strip();
    return t.length() < 16 ? "****" : t.substring(0, 4) + "…" + t.substring(t.length() - 3);
  }
}
