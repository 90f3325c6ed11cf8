package vn.minhchung.config.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan item (nhiệm vụ). {@code lead}, {@code timing}, {@code deadline} and {@code products} may be null;
 * {@code cooperating} are unit codes. {@code components} are the evidence components (1..6) the item expects:
 * null when the registry does not say (the plan's default applies, see {@link #expected}), empty for an item
 * that needs a report only. {@code unitDeadlines}: the dates by which units report to the lead, before
 * {@code deadline} ({@link UnitDeadlines}).
 */
public record ItemEntry(String code, String title, String lead, List<String> cooperating, String timing,
    LocalDate deadline, String products, List<String> keywords, List<Integer> components, List<TargetEntry> targets,
    UnitDeadlines unitDeadlines, Where where) {

  public ItemEntry {
    cooperating = List.copyOf(cooperating);
    keywords = List.copyOf(keywords);
    components = components == null ? null : List.copyOf(components);
    targets = List.copyOf(targets);
    unitDeadlines = unitDeadlines == null ? UnitDeadlines.NONE : unitDeadlines;
  }

  /** The components this item expects: its own list, else the plan's default, else all six. */
  public List<Integer> expected(PlanEntry plan) {
    return ExpectedComponents.resolve(components, plan.components());
  }
}
