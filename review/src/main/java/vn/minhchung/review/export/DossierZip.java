package vn.minhchung.review.export;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.minhchung.storage.blob.BlobStore;

/**
 * The dossier ZIP being written: every entry is hashed as it streams through and its line is appended to a
 * manifest spooled on disk, so memory stays flat however many files the dossier holds.
 */
final class DossierZip implements AutoCloseable {
  private static final Pattern COMPRESSED = Pattern.compile("\\.(png|jpe?g|gz|pdf|xlsx|docx|zip|tsr|mp4)$");
  private final ZipOutputStream zip;
  private final Path manifestSpool;
  private final BufferedWriter manifest;
  private long bytes;
  private int files;
  /** SHA-256 of the entry closed last; entries are written one at a time. */
  private byte[] lastDigest;

  DossierZip(OutputStream out, Path workDir) throws IOException {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    this.manifestSpool = workDir.resolve("manifest.spool");
    this.manifest = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(manifestSpool), StandardCharsets.UTF_8));
  }

  /** Copies a stream into a new entry; returns its SHA-256. */
  byte[] put(String path, InputStream in) throws IOException {
    try (OutputStream entry = open(path)) {
      in.transferTo(entry);
    }
    return lastDigest;
  }

  byte[] put(String path, byte[] content) throws IOException {
    try (OutputStream entry = open(path)) {
      entry.write(content);
    }
    return lastDigest;
  }

  byte[] putFile(String path, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(path, in);
    }
  }

  /**
   * A stream for one entry, listed in the manifest when closed. Entries are written one at a time; a name
   * written twice fails in {@link ZipOutputStream#putNextEntry} (it keeps the names for the central directory).
   */
  OutputStream open(String path) throws IOException {
    // Pictures, archives and PDFs are compressed already: deflating them again costs CPU and saves nothing.
    zip.setLevel(COMPRESSED.matcher(path).find() ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest md = BlobStore.sha256();
    return new FilterOutputStream(new DigestOutputStream(zip, md)) {
      private boolean closed;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytes += len;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bytes++;
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        zip.closeEntry();
        lastDigest = md.digest();
        files++;
        if (!path.equals(DossierLayout.MANIFEST) && !path.equals(DossierLayout.TIMESTAMP)) {
          manifest.write(Manifest.line(lastDigest, path));
        }
      }
    };
  }

  /** Writes the manifest entry from the spool; returns the manifest bytes' SHA-256 for the timestamp. */
  byte[] finishManifest() throws IOException {
    manifest.close();
    return putFile(DossierLayout.MANIFEST, manifestSpool);
  }

  long bytes() {
    return bytes;
  }

  int files() {
    return files;
  }

  @Override
  public void close() throws IOException {
    manifest.close();
    zip.finish();
    zip.flush();
  }
}
