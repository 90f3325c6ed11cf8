package vn.minhchung.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a blob while it is read and, at its end, fails with {@link BlobCorruptException} when the bytes do not
 * hash to the blob's name: a reader that consumes the whole stream never takes changed bytes for good ones.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final String sha256;
  private final String where;
  private final MessageDigest md = BlobStore.sha256();
  private long size;
  private boolean checked;

  VerifyingInputStream(InputStream in, String sha256, String where) {
    super(in);
    this.sha256 = sha256;
    this.where = where;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      check();
    } else {
      md.update((byte) b);
      size++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      check();
    } else {
      md.update(buf, off, n);
      size += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed.
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(sha256)) {
      throw new BlobCorruptException(sha256, "blob " + sha256 + " in " + where + " has changed: its " + size
          + " bytes hash to " + actual);
    }
  }
}
