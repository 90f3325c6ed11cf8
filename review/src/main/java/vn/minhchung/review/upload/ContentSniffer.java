package vn.minhchung.review.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises an upload by its bytes, never by its name: PDF ({@code %PDF-}), JPEG (FF D8 FF), PNG (the 8-byte
 * signature), MP4 video (an ISO base media file: {@code ftyp} box first), and DOCX/XLSX as ZIP archives whose {@code [Content_Types].xml} declares the main Word or Excel
 * part. Anything else (an .exe renamed .pdf, HTML, a plain ZIP) is refused. Reads at most
 * {@value #MAX_CONTENT_TYPES} bytes of the content-types entry and {@value #MAX_ENTRIES} entries, so a zip bomb
 * costs nothing.
 */
public final class ContentSniffer {
  private ContentSniffer() {}

  static final int MAX_ENTRIES = 2000;
  static final int MAX_CONTENT_TYPES = 256 * 1024;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  public static Optional<FileType> detect(byte[] b) {
    if (startsWith(b, PDF)) {
      return Optional.of(FileType.PDF);
    }
    if (startsWith(b, PNG)) {
      return Optional.of(FileType.PNG);
    }
    if (startsWith(b, JPEG)) {
      return Optional.of(FileType.JPEG);
    }
    if (startsWith(b, ZIP)) {
      return office(b);
    }
    if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return Optional.of(FileType.MP4);
    }
    return Optional.empty();
  }

  private static Optional<FileType> office(byte[] b) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b), StandardCharsets.UTF_8)) {
      ZipEntry e;
      int n = 0;
      while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
        if (e.getName().equals("[Content_Types].xml")) {
          String xml = new String(zip.readNBytes(MAX_CONTENT_TYPES), StandardCharsets.UTF_8);
          if (xml.contains(DOCX_MAIN)) {
            return Optional.of(FileType.DOCX);
          }
          if (xml.contains(XLSX_MAIN)) {
            return Optional.of(FileType.XLSX);
          }
          return Optional.empty();
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      // A corrupt archive is simply not an accepted type.
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }
}
