package vn.minhchung.review.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.review.export.Manifest;
import vn.minhchung.storage.blob.BlobStore;

/**
 * Verifies a dossier ZIP without extracting it: every entry is streamed and hashed under {@link ZipLimits}, then
 * compared with the manifest (changed, missing, added files), the audit chain is re-checked and the RFC 3161
 * token, when present, is checked against the manifest.
 */
public final class DossierVerifier {
  private final ZipLimits limits;

  public DossierVerifier(ZipLimits limits) {
    this.limits = limits;
  }

  /**
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.util.zip.ZipException when it is not a ZIP archive
   */
  public VerificationReport verify(Path file) throws IOException {
    List<VerificationReport.Problem> problems = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      if (zip.size() > limits.maxEntries()) {
        problems.add(new VerificationReport.Problem(file.getFileName().toString(), "refused: " + zip.size()
            + " entries, more than the limit of " + limits.maxEntries() + " (not a dossier, or a zip bomb)"));
        return new VerificationReport(problems, 0, 0, Optional.empty());
      }
      Map<String, String> hashes = new LinkedHashMap<>();
      Set<String> readable = new HashSet<>();
      long[] total = {0};
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        Optional<String> bad = EntryNames.problem(name);
        if (bad.isPresent()) {
          problems.add(new VerificationReport.Problem(printable(name), "refused: " + bad.get()));
          continue;
        }
        if (e.isDirectory()) {
          continue;
        }
        if (hashes.containsKey(name)) {
          problems.add(new VerificationReport.Problem(name, "refused: the ZIP holds this name twice"));
          continue;
        }
        try (InputStream in = new LimitedInputStream(zip.getInputStream(e), name, e.getCompressedSize(), limits, total)) {
          MessageDigest md = BlobStore.sha256();
          in.transferTo(new DigestSink(md));
          hashes.put(name, HexFormat.of().formatHex(md.digest()));
          readable.add(name);
        } catch (LimitedInputStream.LimitExceeded ex) {
          problems.add(new VerificationReport.Problem(name, "refused: " + ex.getMessage()));
          if (ex.total()) {
            return new VerificationReport(problems, hashes.size(), 0, Optional.empty());
          }
        }
      }
      Optional<byte[]> manifestBytes = small(zip, readable, DossierLayout.MANIFEST, 256L << 20);
      if (manifestBytes.isEmpty()) {
        problems.add(new VerificationReport.Problem(DossierLayout.MANIFEST, "missing: the dossier has no manifest"));
      } else {
        checkManifest(new String(manifestBytes.get(), StandardCharsets.UTF_8), hashes, problems);
      }
      Optional<VerificationReport.Stamp> stamp = Optional.empty();
      Optional<byte[]> token = small(zip, readable, DossierLayout.TIMESTAMP, 1L << 20);
      if (token.isPresent() && manifestBytes.isPresent()) {
        stamp = TimestampCheck.check(token.get(), manifestBytes.get(), problems);
      }
      int events = readable.contains(DossierLayout.AUDIT_EVENTS) && readable.contains(DossierLayout.AUDIT_CHAIN)
          ? AuditChainCheck.check(zip, problems) : missingAudit(readable, problems);
      return new VerificationReport(problems, hashes.size(), events, stamp);
    }
  }

  private static int missingAudit(Set<String> readable, List<VerificationReport.Problem> problems) {
    for (String p : List.of(DossierLayout.AUDIT_EVENTS, DossierLayout.AUDIT_CHAIN)) {
      if (!readable.contains(p)) {
        problems.add(new VerificationReport.Problem(p, "missing: the audit trail of the dossier is not there"));
      }
    }
    return 0;
  }

  private static void checkManifest(String text, Map<String, String> hashes, List<VerificationReport.Problem> problems) {
    Manifest.Parsed m = Manifest.parse(text);
    m.problems().forEach(p -> problems.add(new VerificationReport.Problem(DossierLayout.MANIFEST, p)));
    for (Map.Entry<String, String> listed : m.entries().entrySet()) {
      String actual = hashes.get(listed.getKey());
      if (actual == null) {
        problems.add(new VerificationReport.Problem(listed.getKey(), "missing: listed in the manifest but not in the ZIP"));
      } else if (!actual.equals(listed.getValue())) {
        problems.add(new VerificationReport.Problem(listed.getKey(), "changed: its SHA-256 is " + actual
            + ", the manifest says " + listed.getValue()));
      }
    }
    for (String path : hashes.keySet()) {
      if (!m.entries().containsKey(path) && !path.equals(DossierLayout.MANIFEST) && !path.equals(DossierLayout.TIMESTAMP)) {
        problems.add(new VerificationReport.Problem(path, "added: in the ZIP but not in the manifest"));
      }
    }
  }

  /** The bytes of a small entry already read safely once, or empty when absent or over {@code max}. */
  private static Optional<byte[]> small(ZipFile zip, Set<String> readable, String name, long max) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null || !readable.contains(name) || e.getSize() > max) {
      return Optional.empty();
    }
    try (InputStream in = zip.getInputStream(e)) {
      return Optional.of(in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8)));
    }
  }

  static String printable(String name) {
    StringBuilder b = new StringBuilder();
    name.codePoints().limit(200).forEach(c -> b.append(c < 0x20 || c == 0x7f ? "?" : Character.toString(c)));
    return b.toString();
  }

  /** Hashes what is written to it and keeps nothing. */
  private static final class DigestSink extends OutputStream {
    private final MessageDigest md;

    DigestSink(MessageDigest md) {
      this.md = md;
    }

    @Override
    public void write(int b) {
      md.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      md.update(b, off, len);
    }
  }
}
