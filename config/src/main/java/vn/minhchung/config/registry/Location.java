package vn.minhchung.config.registry;

import java.util.Locale;

/**
 * Where a value came from: {@code FILE:LINE:COLUMN} in a YAML file, or {@code FILE:SHEET!ROW:COLUMN} (column
 * letter, 1-based row as Excel shows it) in a workbook. Printed in every problem so people can find the cell.
 */
public record Location(String file, String sheet, int line, int column) {

  public static Location yaml(String file, int line, int column) {
    return new Location(file, null, line, column);
  }

  public static Location cell(String file, String sheet, int row, int column) {
    return new Location(file, sheet, row, column);
  }

  /** For entries that were not read from a file (e.g. exported from the database). */
  public static final Location NONE = new Location("(database)", null, 0, 0);

  @Override
  public String toString() {
    if (sheet == null) {
      return String.format(Locale.ROOT, "%s:%d:%d", file, line, column);
    }
    return String.format(Locale.ROOT, "%s:%s!%d:%s", file, sheet, line, columnLetters(column));
  }

  /** 1 → A, 27 → AA, as spreadsheets name columns. */
  public static String columnLetters(int column) {
    StringBuilder sb = new StringBuilder();
    int c = column;
    while (c > 0) {
      int r = (c - 1) % 26;
      sb.insert(0, (char) ('A' + r));
      c = (c - 1) / 26;
    }
    return sb.toString();
  }
}
