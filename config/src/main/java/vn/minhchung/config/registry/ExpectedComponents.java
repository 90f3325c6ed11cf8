package vn.minhchung.config.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The expected evidence components of a plan item, in the registry's forms: a list of numbers 1..6 in YAML
 * ({@code components: [1, 2, 5]}, {@code []} for an item that needs a report only) and in a workbook cell
 * ({@code 1, 2, 5}; {@code -} for none; an empty cell inherits), and in the database column ({@code "1,2,5"},
 * {@code ""} for none, null for not given).
 */
public final class ExpectedComponents {
  /** The workbook cell and its list item meaning "no component expected". */
  public static final String NONE = "-";

  private ExpectedComponents() {}

  /** All six components, the rule when neither the item nor its plan says. */
  public static List<Integer> all() {
    return Arrays.stream(EvidenceComponent.values()).map(EvidenceComponent::number).toList();
  }

  /** The item's own list, else the plan's default, else all six. */
  public static List<Integer> resolve(List<Integer> item, List<Integer> plan) {
    return item != null ? item : plan != null ? plan : all();
  }

  /** The database form: sorted, comma-separated; "" for none; null for not given. */
  public static String toColumn(List<Integer> components) {
    return components == null ? null : String.join(",", new TreeSet<>(components).stream().map(String::valueOf).toList());
  }

  /** Reads {@link #toColumn}'s form back. */
  public static List<Integer> fromColumn(String column) {
    if (column == null) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (String part : column.split(",")) {
      if (!part.isBlank()) {
        out.add(Integer.valueOf(part.trim()));
      }
    }
    return List.copyOf(out);
  }

  /** The workbook cell: "1, 2, 5", "-" for none, null (empty cell) for not given. */
  public static String toCell(List<Integer> components) {
    if (components == null) {
      return null;
    }
    return components.isEmpty() ? NONE
        : String.join(", ", new TreeSet<>(components).stream().map(String::valueOf).toList());
  }

  /** The component numbers as a Vietnamese phrase for people: "1, 2, 5" or "chỉ cần báo cáo". */
  public static String describe(List<Integer> components) {
    return components.isEmpty() ? "chỉ cần báo cáo"
        : String.join(", ", new TreeSet<>(components).stream().map(String::valueOf).toList());
  }
}
