package vn.minhchung.config.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.minhchung.config.text.VietnameseText;

/**
 * Reads a registry workbook ({@link XlsxLayout}) into the same located {@link Node} tree as the YAML reader,
 * nesting item rows under their plan and target rows under their item.
 */
final class XlsxNodeReader {
  private final String file;
  private final List<RegistryProblem> problems;

  XlsxNodeReader(String file, List<RegistryProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  Optional<Node> read(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      return Optional.of(root(wb));
    } catch (IOException | RuntimeException e) {
      problems.add(new RegistryProblem(Location.yaml(file, 1, 1), "(file)", "not a readable XLSX workbook ("
          + e.getMessage() + "); save it from Excel or LibreOffice as .xlsx"));
      return Optional.empty();
    }
  }

  private Node root(Workbook wb) {
    Location top = Location.cell(file, XlsxLayout.UNITS, 1, 1);
    for (Sheet s : wb) {
      if (!XlsxLayout.SHEETS.contains(s.getSheetName())) {
        problems.add(new RegistryProblem(Location.cell(file, s.getSheetName(), 1, 1), "(sheet)",
            "unknown sheet; expected sheets named " + String.join(", ", XlsxLayout.SHEETS)));
      }
    }
    LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
    List<Node.MapNode> units = rows(wb, XlsxLayout.UNITS);
    List<Node.MapNode> channels = rows(wb, XlsxLayout.CHANNELS);
    List<Node.MapNode> plans = rows(wb, XlsxLayout.PLANS);
    if (units.isEmpty() && channels.isEmpty() && plans.isEmpty() && problems.isEmpty()) {
      problems.add(new RegistryProblem(top, "(file)", "the workbook has no rows in units, channels or plans"));
    }
    Map<String, Node.MapNode> planByCode = new LinkedHashMap<>();
    for (Node.MapNode p : plans) {
      code(p).ifPresent(c -> planByCode.putIfAbsent(c, p));
    }
    Map<String, Node.MapNode> itemByKey = new LinkedHashMap<>();
    for (Node.MapNode item : rows(wb, XlsxLayout.ITEMS)) {
      Node.MapNode plan = parent(item, "plan", planByCode, "plan", "plans");
      if (plan != null) {
        code(item).ifPresent(c -> itemByKey.putIfAbsent(code(plan).orElse("") + "\n" + c, item));
        appendTo(plan, "items", item);
      }
    }
    for (Node.MapNode target : rows(wb, XlsxLayout.TARGETS)) {
      Node.MapNode plan = parent(target, "plan", planByCode, "plan", "plans");
      if (plan == null) {
        continue;
      }
      Map<String, Node.MapNode> itemsOfPlan = new LinkedHashMap<>();
      String prefix = code(plan).orElse("") + "\n";
      itemByKey.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          itemsOfPlan.put(k.substring(prefix.length()), v);
        }
      });
      Node.MapNode item = parent(target, "item", itemsOfPlan, "item of plan " + code(plan).orElse(""), "items");
      if (item != null) {
        appendTo(item, "targets", target);
      }
    }
    put(fields, "units", new Node.ListNode(new ArrayList<>(units), top));
    put(fields, "channels", new Node.ListNode(new ArrayList<>(channels), top));
    put(fields, "plans", new Node.ListNode(new ArrayList<>(plans), top));
    return new Node.MapNode(fields, top);
  }

  /** The row's parent named in its {@code column}, removing that column from the row; null when unknown. */
  private Node.MapNode parent(Node.MapNode row, String column, Map<String, Node.MapNode> parents, String what,
      String sheet) {
    Node.Field f = row.fields().remove(column);
    String code = f == null ? null : ((Node.ScalarNode) f.value()).text();
    if (code == null || code.isBlank()) {
      problems.add(new RegistryProblem(f == null ? row.at() : f.value().at(), column, "missing; this field is required"));
      return null;
    }
    Node.MapNode p = parents.get(code.trim());
    if (p == null) {
      problems.add(new RegistryProblem(f.value().at(), column, "unknown " + what + " '" + code.trim()
          + "'; add it to the " + sheet + " sheet or fix the code"));
    }
    return p;
  }

  private static Optional<String> code(Node.MapNode m) {
    Node.Field f = m.fields().get("code");
    if (f != null && f.value() instanceof Node.ScalarNode s && s.text() != null) {
      return Optional.of(s.text().trim());
    }
    return Optional.empty();
  }

  private static void appendTo(Node.MapNode parent, String key, Node.MapNode child) {
    Node.Field f = parent.fields().get(key);
    if (f == null) {
      f = new Node.Field(key, child.at(), new Node.ListNode(new ArrayList<>(), child.at()));
      parent.fields().put(key, f);
    }
    ((Node.ListNode) f.value()).items().add(child);
  }

  private static void put(LinkedHashMap<String, Node.Field> fields, String key, Node value) {
    fields.put(key, new Node.Field(key, value.at(), value));
  }

  private List<Node.MapNode> rows(Workbook wb, String name) {
    List<Node.MapNode> out = new ArrayList<>();
    Sheet sheet = wb.getSheet(name);
    if (sheet == null) {
      return out;
    }
    Row header = sheet.getRow(sheet.getFirstRowNum());
    if (header == null) {
      return out;
    }
    List<String> known = XlsxLayout.COLUMNS.get(name);
    Map<Integer, String> columns = new LinkedHashMap<>();
    for (Cell c : header) {
      String h = text(c);
      if (h == null) {
        continue;
      }
      boolean option = name.equals(XlsxLayout.CHANNELS) && h.startsWith(XlsxLayout.OPTION_PREFIX)
          && h.length() > XlsxLayout.OPTION_PREFIX.length();
      if (!known.contains(h) && !option) {
        problems.add(new RegistryProblem(at(name, header.getRowNum(), c.getColumnIndex()), h,
            "unknown column in sheet " + name + "; expected " + String.join(", ", known)
                + (name.equals(XlsxLayout.CHANNELS) ? " or options.<key>" : "")));
        continue;
      }
      columns.put(c.getColumnIndex(), h);
    }
    for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row != null) {
        entry(name, row, columns).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<Node.MapNode> entry(String sheet, Row row, Map<Integer, String> columns) {
    LinkedHashMap<String, Node.Field> fields = new LinkedHashMap<>();
    LinkedHashMap<String, Node.Field> options = new LinkedHashMap<>();
    Location rowAt = at(sheet, row.getRowNum(), row.getFirstCellNum() < 0 ? 0 : row.getFirstCellNum());
    Location optionsAt = null;
    for (Map.Entry<Integer, String> col : columns.entrySet()) {
      Cell cell = row.getCell(col.getKey());
      String value = cell == null ? null : text(cell);
      if (value == null) {
        continue;
      }
      Location at = at(sheet, row.getRowNum(), col.getKey());
      String key = col.getValue();
      if (key.startsWith(XlsxLayout.OPTION_PREFIX)) {
        String option = key.substring(XlsxLayout.OPTION_PREFIX.length());
        Node v = ChannelRules.MULTI_VALUE_OPTIONS.contains(option) ? list(value, at) : new Node.ScalarNode(value, at);
        options.put(option, new Node.Field(option, at, v));
        optionsAt = optionsAt == null ? at : optionsAt;
      } else {
        Node v = XlsxLayout.LIST_COLUMNS.contains(key) ? list(value, at) : new Node.ScalarNode(value, at);
        fields.put(key, new Node.Field(key, at, v));
      }
    }
    if (!options.isEmpty()) {
      fields.put("options", new Node.Field("options", optionsAt, new Node.MapNode(options, optionsAt)));
    }
    return fields.isEmpty() ? Optional.empty() : Optional.of(new Node.MapNode(fields, rowAt));
  }

  private static Node list(String value, Location at) {
    List<Node> items = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        items.add(new Node.ScalarNode(part.trim(), at));
      }
    }
    return new Node.ListNode(items, at);
  }

  private Location at(String sheet, int rowIndex, int columnIndex) {
    return Location.cell(file, sheet, rowIndex + 1, columnIndex + 1);
  }

  /** The cell as registry text: dates dd/MM/yyyy, whole numbers without ".0", NFC; null when blank. */
  private static String text(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    String s;
    switch (type) {
      case STRING -> s = cell.getStringCellValue();
      case BOOLEAN -> s = Boolean.toString(cell.getBooleanCellValue());
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          s = RegistryFormats.formatDate(cell.getLocalDateTimeCellValue().toLocalDate());
        } else {
          double d = cell.getNumericCellValue();
          s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
      }
      default -> s = null;
    }
    if (s == null || s.isBlank()) {
      return null;
    }
    return VietnameseText.nfc(s.trim());
  }
}
