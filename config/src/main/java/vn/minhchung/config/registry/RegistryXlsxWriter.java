package vn.minhchung.config.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link RegistryDocument} as a workbook in the layout {@link XlsxLayout} reads, all cells text.
 * Also a small tool: {@code RegistryXlsxWriter IN.yaml OUT.xlsx} converts a YAML registry for staff who keep
 * their lists in Excel.
 */
public final class RegistryXlsxWriter {
  private RegistryXlsxWriter() {}

  public static byte[] write(RegistryDocument doc) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet units = sheet(wb, XlsxLayout.UNITS, XlsxLayout.COLUMNS.get(XlsxLayout.UNITS));
      for (UnitEntry u : doc.units()) {
        row(units, u.code(), u.name(), u.parent());
      }
      Set<String> optionKeys = new LinkedHashSet<>();
      doc.channels().forEach(c -> optionKeys.addAll(c.options().keySet()));
      List<String> channelColumns = new ArrayList<>(XlsxLayout.COLUMNS.get(XlsxLayout.CHANNELS));
      optionKeys.forEach(k -> channelColumns.add(XlsxLayout.OPTION_PREFIX + k));
      Sheet channels = sheet(wb, XlsxLayout.CHANNELS, channelColumns);
      for (ChannelEntry c : doc.channels()) {
        List<String> cells = new ArrayList<>(List.of(c.code(), c.unit(), c.kind().code(), c.name(), c.url()));
        cells.add(c.platformId());
        cells.add(c.schedule());
        cells.add(Boolean.toString(c.active()));
        optionKeys.forEach(k -> cells.add(c.options().containsKey(k) ? String.join(", ", c.options().get(k)) : null));
        row(channels, cells.toArray(String[]::new));
      }
      Sheet plans = sheet(wb, XlsxLayout.PLANS, XlsxLayout.COLUMNS.get(XlsxLayout.PLANS));
      Sheet items = sheet(wb, XlsxLayout.ITEMS, XlsxLayout.COLUMNS.get(XlsxLayout.ITEMS));
      Sheet targets = sheet(wb, XlsxLayout.TARGETS, XlsxLayout.COLUMNS.get(XlsxLayout.TARGETS));
      for (PlanEntry p : doc.plans()) {
        row(plans, p.code(), p.title(), p.issuer(), p.issuedOn() == null ? null : RegistryFormats.formatDate(p.issuedOn()),
            ExpectedComponents.toCell(p.components()));
        for (ItemEntry i : p.items()) {
          row(items, p.code(), i.code(), i.title(), i.lead(), join(i.cooperating()), i.timing(),
              i.deadline() == null ? null : RegistryFormats.formatDate(i.deadline()), i.products(), join(i.keywords()),
              ExpectedComponents.toCell(i.components()), i.unitDeadlines().cooperating() == null ? null
                  : RegistryFormats.formatDate(i.unitDeadlines().cooperating()), i.unitDeadlines().byUnitCell());
          for (TargetEntry t : i.targets()) {
            row(targets, p.code(), i.code(), Integer.toString(t.component()),
                t.kind() == null ? null : t.kind().code(), t.description(),
                Integer.toString(t.count()), t.minDuration() == null ? null : t.minDuration().toString(),
                t.maxDuration() == null ? null : t.maxDuration().toString());
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the registry workbook", e);
    }
  }

  /** {@code RegistryXlsxWriter IN.yaml OUT.xlsx}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RegistryXlsxWriter IN.yaml OUT.xlsx");
    }
    RegistryDocument doc = RegistryFile.read(Path.of(args[0]), Set.of());
    Files.write(Path.of(args[1]), write(doc));
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? null : String.join(", ", values);
  }

  private static Sheet sheet(XSSFWorkbook wb, String name, List<String> columns) {
    Sheet s = wb.createSheet(name);
    row(s, columns.toArray(String[]::new));
    return s;
  }

  private static void row(Sheet sheet, String... cells) {
    Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] != null) {
        row.createCell(i).setCellValue(cells[i]);
      }
    }
  }
}
