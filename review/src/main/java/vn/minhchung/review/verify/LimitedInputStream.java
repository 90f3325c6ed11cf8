package vn.minhchung.review.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the inflated bytes of one entry and stops at the {@link ZipLimits}: size, total and ratio. */
final class LimitedInputStream extends FilterInputStream {
  private final String name;
  private final long compressed;
  private final ZipLimits limits;
  private final long[] total;
  private long count;

  LimitedInputStream(InputStream in, String name, long compressed, ZipLimits limits, long[] total) {
    super(in);
    this.name = name;
    this.compressed = compressed;
    this.limits = limits;
    this.total = total;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) throws LimitExceeded {
    count += n;
    total[0] += n;
    if (count > limits.maxEntryBytes()) {
      throw new LimitExceeded(name + " inflates to more than " + limits.maxEntryBytes() + " bytes", false);
    }
    if (total[0] > limits.maxTotalBytes()) {
      throw new LimitExceeded("the ZIP inflates to more than " + limits.maxTotalBytes() + " bytes in total; reading stopped", true);
    }
    if (count > limits.ratioFloorBytes() && compressed >= 0 && count > limits.maxRatio() * Math.max(compressed, 1)) {
      throw new LimitExceeded("inflates more than " + limits.maxRatio() + " times its compressed size ("
          + compressed + " bytes): a zip bomb", false);
    }
  }

  /** A limit was passed; {@code total} when reading the rest of the ZIP must stop too. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean total;

    LimitExceeded(String message, boolean total) {
      super(message);
      this.total = total;
    }

    boolean total() {
      return total;
    }
  }
}
