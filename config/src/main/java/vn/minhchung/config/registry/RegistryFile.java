package vn.minhchung.config.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a registry file, YAML or XLSX (recognised by its content, else by its extension).
 * Every problem is collected; {@link RegistryException} carries all of them. Files above
 * {@link #MAX_YAML_BYTES} / {@link #MAX_XLSX_BYTES} are refused before reading, so a huge file cannot exhaust
 * memory.
 */
public final class RegistryFile {
  private RegistryFile() {}

  /** 16 MiB of YAML is ~40,000 channels, far more than a nationwide registry needs. */
  public static final long MAX_YAML_BYTES = 16L * 1024 * 1024;
  /** Workbooks are compressed XML that POI expands in memory, hence the lower limit. */
  public static final long MAX_XLSX_BYTES = 8L * 1024 * 1024;

  /** Reads a file; {@code existingUnits} are unit codes already stored that entries may reference. */
  public static RegistryDocument read(Path file, Set<String> existingUnits) {
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new RegistryException(List.of(new RegistryProblem(Location.yaml(name, 1, 1), "(file)",
          "cannot read the file: " + e.getMessage())));
    }
    boolean xlsx = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || startsWithZip(file);
    long max = xlsx ? MAX_XLSX_BYTES : MAX_YAML_BYTES;
    if (size > max) {
      throw new RegistryException(List.of(new RegistryProblem(Location.yaml(name, 1, 1), "(file)", String.format(
          Locale.ROOT, "file is %,d bytes, above the limit of %,d bytes (%d MiB) for a %s registry; split it into "
              + "several files and import them one after the other", size, max, max / (1024 * 1024),
          xlsx ? "XLSX" : "YAML"))));
    }
    try {
      return parse(name, Files.readAllBytes(file), xlsx, existingUnits);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** Parses bytes already in memory; {@code xlsx} chooses the workbook reader. */
  public static RegistryDocument parse(String name, byte[] bytes, boolean xlsx, Set<String> existingUnits) {
    List<RegistryProblem> problems = new ArrayList<>();
    Optional<Node> root;
    if (xlsx) {
      root = new XlsxNodeReader(name, problems).read(bytes);
    } else {
      root = yamlRoot(name, bytes, problems);
    }
    if (root.isEmpty() && problems.isEmpty()) {
      problems.add(new RegistryProblem(Location.yaml(name, 1, 1), "(file)",
          "the file is empty; expected units, channels and plans (see config/examples/bac-ninh.yaml)"));
    }
    if (root.isEmpty()) {
      throw failure(problems);
    }
    RegistryDocument doc = new RegistryBinder(problems).bind(root.get());
    new RegistryValidator(problems, existingUnits).validate(doc);
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return doc;
  }

  private static Optional<Node> yamlRoot(String name, byte[] bytes, List<RegistryProblem> problems) {
    Optional<String> text = utf8(name, bytes, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    return new YamlNodeReader(name, problems).read(t);
  }

  /** Decodes strictly; on a bad byte, records its line, column and byte offset. */
  static Optional<String> utf8(String name, byte[] bytes, List<RegistryProblem> problems) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return Optional.of(dec.decode(in).toString());
    } catch (CharacterCodingException e) {
      int offset = badOffset(bytes);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
      problems.add(new RegistryProblem(Location.yaml(name, line, column), "(file)", String.format(Locale.ROOT,
          "the file is not UTF-8: invalid byte 0x%02X at byte offset %d; save it as UTF-8 (in Excel or Notepad: "
              + "\"Save as\", encoding UTF-8)", bytes[offset] & 0xFF, offset)));
      return Optional.empty();
    }
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int badOffset(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (n < 0 || i + n >= b.length) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      String probe = new String(b, i, n + 1, StandardCharsets.UTF_8);
      if (probe.contains("\uFFFD")) {
        return i;
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }

  private static boolean startsWithZip(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }

  private static RegistryException failure(List<RegistryProblem> problems) {
    List<RegistryProblem> sorted = new ArrayList<>(problems);
    if (sorted.stream().allMatch(p -> p.at().sheet() == null)) {
      sorted.sort(Comparator.comparingInt((RegistryProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
    }
    return new RegistryException(sorted);
  }
}
