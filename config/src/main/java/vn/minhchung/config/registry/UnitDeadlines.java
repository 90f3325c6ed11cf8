package vn.minhchung.config.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deadlines of units before a plan item's own (seed 002: departments and communes report to the lead department
 * by 28/12, the department reports to the province by 31/12). {@code cooperating} is the date of every
 * cooperating unit ({@code unitDeadline}), {@code byUnit} the dates of named units ({@code unitDeadlines}), which
 * win. Forms: YAML {@code unitDeadline: 28/12/2025} and {@code unitDeadlines: {SYT: 27/12/2025}} (or a list of
 * {@code "SYT=27/12/2025"}); a workbook cell {@code SYT=27/12/2025, SGDDT=27/12/2025}; the database column
 * {@code *=2025-12-28;SYT=2025-12-27} ({@code *} for the cooperating units), null when none.
 */
public record UnitDeadlines(LocalDate cooperating, Map<String, LocalDate> byUnit) {
  public static final UnitDeadlines NONE = new UnitDeadlines(null, Map.of());
  private static final String COOPERATING = "*";

  public UnitDeadlines {
    byUnit = Collections.unmodifiableMap(new LinkedHashMap<>(byUnit));
  }

  public boolean isEmpty() {
    return cooperating == null && byUnit.isEmpty();
  }

  /** The date of each unit that has one: the cooperating units (in their order), then the named ones. */
  public Map<String, LocalDate> resolve(List<String> cooperatingUnits) {
    Map<String, LocalDate> out = new LinkedHashMap<>();
    if (cooperating != null) {
      cooperatingUnits.forEach(u -> out.put(u, cooperating));
    }
    out.putAll(byUnit);
    return out;
  }

  /** The database form, or null when there are none. */
  public String toColumn() {
    if (isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (cooperating != null) {
      parts.add(COOPERATING + "=" + cooperating);
    }
    byUnit.forEach((u, d) -> parts.add(u + "=" + d));
    return String.join(";", parts);
  }

  /** Reads {@link #toColumn}'s form back. */
  public static UnitDeadlines fromColumn(String column) {
    if (column == null || column.isBlank()) {
      return NONE;
    }
    LocalDate cooperating = null;
    Map<String, LocalDate> byUnit = new LinkedHashMap<>();
    for (String pair : column.split(";")) {
      int eq = pair.indexOf('=');
      String unit = pair.substring(0, eq);
      LocalDate day = LocalDate.parse(pair.substring(eq + 1));
      if (unit.equals(COOPERATING)) {
        cooperating = day;
      } else {
        byUnit.put(unit, day);
      }
    }
    return new UnitDeadlines(cooperating, byUnit);
  }

  /** The workbook cell of {@code unitDeadlines}: "SYT=27/12/2025, SGDDT=27/12/2025", null when none. */
  public String byUnitCell() {
    return byUnit.isEmpty() ? null : String.join(", ", byUnit.entrySet().stream()
        .map(e -> e.getKey() + "=" + RegistryFormats.formatDate(e.getValue())).toList());
  }
}
