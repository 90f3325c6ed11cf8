package vn.minhchung.review.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryException;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.RegistryImportException;
import vn.minhchung.storage.registry.RegistryStore;

/**
 * A change to one unit, plan or item made in a form, checked and applied exactly as the registry file import
 * does it: the stored registry is exported, the entry replaced or added, the whole document written as YAML and
 * read back through {@link RegistryFile} (every rule of the file import), then imported in one transaction by
 * {@link RegistryStore} (only what changed is written, each change audited as {@code registry.create|update}).
 */
final class RegistryEdits {
  private RegistryEdits() {}

  /** Applies the edit; returns the problems in Vietnamese ("field: problem"), empty when it was saved. */
  static List<String> apply(Database db, java.time.Clock clock, UnaryOperator<RegistryDocument> edit, String actor) {
    RegistryStore store = new RegistryStore(db, clock);
    RegistryDocument changed = edit.apply(store.export());
    byte[] yaml = RegistryYamlWriter.write(changed).getBytes(StandardCharsets.UTF_8);
    try {
      RegistryDocument checked = RegistryFile.parse("biểu mẫu", yaml, false, Set.of());
      store.importDocument(checked, actor);
      return List.of();
    } catch (RegistryException e) {
      List<String> out = new ArrayList<>();
      e.problems().forEach(p -> out.add(RegistryView.fieldName(p.field()) + ": " + RegistryView.vietnamese(p.problem())));
      return out;
    } catch (RegistryImportException e) {
      return List.of(e.getMessage());
    }
  }

  /** {@code list} with the element matching {@code same} replaced by {@code value}, or {@code value} appended. */
  static <T> List<T> upsert(List<T> list, java.util.function.Predicate<T> same, T value) {
    List<T> out = new ArrayList<>(list);
    for (int i = 0; i < out.size(); i++) {
      if (same.test(out.get(i))) {
        out.set(i, value);
        return out;
      }
    }
    out.add(value);
    return out;
  }
}
