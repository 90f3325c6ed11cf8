package vn.minhchung.harvester.connector.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads files of {@code fixtures/news/}, with {@code {{base}}} replaced by a server's base URL. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] raw(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/news/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture fixtures/news/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name, String base) {
    return new String(raw(name), StandardCharsets.UTF_8).replace("{{base}}", base);
  }
}
