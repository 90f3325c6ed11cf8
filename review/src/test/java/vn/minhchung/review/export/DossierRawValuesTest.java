package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.review.testing.RawValues;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.post.Post;

/**
 * A dossier whose posts carry their dates as the APIs gave them (ISO-8601, epoch milliseconds): index.html, the
 * XLSX and the DOCX show dd/MM/yyyy HH:mm and no raw value; a date as a page showed it is kept as "trên trang".
 */
class DossierRawValuesTest {
  @TempDir Path dir;

  @Test
  void dossierShowsNoRawDatesOrCodes() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      db.runInTransaction(s -> {
        String[] raw = {"2026-11-09T12:05:00+0000", "1794276000000", "2026-11-15T07:00:00Z"};
        int i = 0;
        for (Post p : s.createSelectionQuery("from Post p order by p.id", Post.class).getResultList()) {
          p.setPostedAtText(i == 0 ? "Hôm qua lúc 10:30" : raw[i % raw.length]);
          i++;
        }
        for (Capture c : s.createSelectionQuery("from Capture c", Capture.class).getResultList()) {
          c.setPostedAtText(null);
        }
      });
      DossierExporter exporter = new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC),
          Optional.empty());
      Map<String, byte[]> zip = DossierFiles.read(DossierFiles.export(exporter,
          ExportRequest.plan(DossierFixture.PLAN), dir.resolve("hs.zip")));

      String index = visibleHtml(new String(zip.get("index.html"), StandardCharsets.UTF_8));
      assertThat(index).contains("(trên trang: Hôm qua lúc 10:30)");
      assertThat(RawValues.in(index)).as("index.html").isEmpty();
      assertThat(RawValues.in(xlsxText(zip.get("minh-chung.xlsx")))).as("minh-chung.xlsx").isEmpty();
      assertThat(RawValues.in(docxText(zip.get("phu-luc-minh-chung.docx")))).as("phu-luc-minh-chung.docx").isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  static String visibleHtml(String html) {
    String body = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", "\n");
    return body.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'");
  }

  static String xlsxText(byte[] bytes) throws Exception {
    StringBuilder b = new StringBuilder();
    DataFormatter f = new DataFormatter(java.util.Locale.ROOT);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            b.append(f.formatCellValue(cell)).append('\n');
          }
        }
      }
    }
    return b.toString();
  }

  static String docxText(byte[] bytes) throws Exception {
    byte[] xml = DossierFilesInZip.entry(bytes, "word/document.xml");
    Matcher m = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(new String(xml, StandardCharsets.UTF_8));
    List<String> parts = new ArrayList<>();
    while (m.find()) {
      parts.add(m.group(1));
    }
    return visibleHtml(String.join("\n", parts));
  }

  /** One entry of a ZIP held in memory. */
  static final class DossierFilesInZip {
    static byte[] entry(byte[] zip, String name) throws Exception {
      try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().equals(name)) {
            return in.readAllBytes();
          }
        }
      }
      throw new IllegalStateException(name + " not in the DOCX");
    }
  }
}
