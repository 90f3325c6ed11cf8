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
import vn.minhchung.storage.db.Database;

/**
 * Verifies a dossier ZIP without extracting it: every entry is streamed and hashed under {@link ZipLimits}, then
 * compared with the manifest (changed, missing, added files), the banner series is checked against each day's
 * capture.json, the audit chain is re-checked, the RFC 3161
 * token, when present, is checked against the manifest and the trust anchors, and, when a database is given,
 * the manifest and the audit chain are compared with what that database recorded at export.
 */
public final class DossierVerifier {
  private final ZipLimits limits;
  private final TsaTrust trust;

  /** Trusts time-stamp authorities that chain to the JDK's trust anchors. */
  public DossierVerifier(ZipLimits limits) {
    this(limits, TsaTrust.jdk());
  }

  public DossierVerifier(ZipLimits limits, TsaTrust trust) {
    this.limits = limits;
    this.trust = trust;
  }

  /** Offline: the ZIP on its own. */
  public VerificationReport verify(Path file) throws IOException {
    return verify(file, Optional.empty());
  }

  /**
   * @param exportedBy the database the dossier claims to come from, to compare it with (empty: offline)
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.util.zip.ZipException when it is not a ZIP archive
   */
  public VerificationReport verify(Path file, Optional<Database> exportedBy) throws IOException {
    List<VerificationReport.Problem> problems = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      if (zip.size() > limits.maxEntries()) {
        problems.add(new VerificationReport.Problem(file.getFileName().toString(), "refused: " + zip.size()
            + " entries, more than the limit of " + limits.maxEntries() + " (not a dossier, or a zip bomb)"));
        return refused(problems, 0, exportedBy);
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
            return refused(problems, hashes.size(), exportedBy);
          }
        }
      }
      Optional<byte[]> manifestBytes = small(zip, readable, DossierLayout.MANIFEST, 256L << 20);
      if (manifestBytes.isEmpty()) {
        problems.add(new VerificationReport.Problem(DossierLayout.MANIFEST, "missing: the dossier has no manifest"));
      } else {
        checkManifest(new String(manifestBytes.get(), StandardCharsets.UTF_8), hashes, problems);
      }
      Optional<byte[]> series = small(zip, readable, DossierLayout.BANNER_SERIES, 16L << 20);
      if (series.isPresent()) {
        BannerSeriesCheck.check(series.get(), name -> small(zip, readable, name, 1L << 20), hashes, problems);
      }
      Optional<byte[]> token = small(zip, readable, DossierLayout.TIMESTAMP, 1L << 20);
      TimestampCheck.Outcome stamp;
      if (token.isEmpty()) {
        stamp = new TimestampCheck.Untrusted("the dossier has no " + DossierLayout.TIMESTAMP);
      } else if (manifestBytes.isEmpty()) {
        stamp = new TimestampCheck.Untrusted("there is no manifest to check the token against");
      } else {
        stamp = TimestampCheck.check(token.get(), manifestBytes.get(), trust, problems);
      }
      AuditChainCheck.Trail trail = readable.contains(DossierLayout.AUDIT_EVENTS) && readable.contains(DossierLayout.AUDIT_CHAIN)
          ? AuditChainCheck.check(zip, problems) : missingAudit(readable, problems);
      Optional<VerificationReport.Recorded> recorded = exportedBy.flatMap(db -> manifestBytes.flatMap(m ->
          RecordedExportCheck.check(db, HexFormat.of().formatHex(BlobStore.sha256().digest(m)), trail.links(), problems)));
      return new VerificationReport(problems, hashes.size(), trail.events(),
          stamp instanceof TimestampCheck.Trusted t ? Optional.of(t.stamp()) : Optional.empty(),
          stamp instanceof TimestampCheck.Untrusted u ? Optional.of(u.why()) : Optional.empty(),
          exportedBy.isPresent(), recorded);
    }
  }

  private static VerificationReport refused(List<VerificationReport.Problem> problems, int files, Optional<Database> db) {
    return new VerificationReport(problems, files, 0, Optional.empty(), Optional.of("the ZIP was refused before its "
        + "timestamp was read"), db.isPresent(), Optional.empty());
  }

  private static AuditChainCheck.Trail missingAudit(Set<String> readable, List<VerificationReport.Problem> problems) {
    for (String p : List.of(DossierLayout.AUDIT_EVENTS, DossierLayout.AUDIT_CHAIN)) {
      if (!readable.contains(p)) {
        problems.add(new VerificationReport.Problem(p, "missing: the audit trail of the dossier is not there"));
      }
    }
    return new AuditChainCheck.Trail(0, List.of());
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
