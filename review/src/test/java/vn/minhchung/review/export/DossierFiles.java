package vn.minhchung.review.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helpers: read a small dossier into memory, rewrite it with changes, unzip it for the browser. */
public final class DossierFiles {
  private DossierFiles() {}

  public static Map<String, byte[]> read(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  /** Writes {@code entries} as a ZIP; an entry mapped to null by {@code change} is left out. */
  public static Path write(Path zip, Map<String, byte[]> entries, BiFunction<String, byte[], byte[]> change) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        byte[] bytes = change.apply(e.getKey(), e.getValue());
        if (bytes != null) {
          out.putNextEntry(new ZipEntry(e.getKey()));
          out.write(bytes);
          out.closeEntry();
        }
      }
    }
    return zip;
  }

  public static void unzip(Path zip, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : read(zip).entrySet()) {
      Path target = dir.resolve(e.getKey()).normalize();
      if (!target.startsWith(dir)) {
        throw new IOException("entry outside the folder: " + e.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
  }

  public static Path export(DossierExporter exporter, ExportRequest request, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip)) {
      exporter.export(request, out);
    }
    return zip;
  }
}
