package vn.minhchung.harvester.connector.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Reads files of {@code fixtures/news/}, with {@code {{base}}} replaced by a server's base URL; makes the hostile
 * bodies that are too big to keep as files.
 */
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

  /** A sitemap start followed by {@code size} spaces, gzipped (about 1000:1): a "gzip bomb". */
  public static byte[] gzipBomb(long size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long written = 0; written < size; written += spaces.length) {
        gz.write(spaces);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
