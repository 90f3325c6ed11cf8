package vn.minhchung.config.registry;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The registry file as a located tree, the common shape of the YAML and the XLSX readers, so that one binder
 * turns both into a {@link RegistryDocument} with the same checks.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
  Location at();

  /** A mapping; each key keeps the location of the key itself (where unknown keys are reported). */
  record MapNode(LinkedHashMap<String, Field> fields, Location at) implements Node {}

  record Field(String key, Location keyAt, Node value) {}

  record ListNode(List<Node> items, Location at) implements Node {}

  /** A scalar; {@code text} is null for an explicit YAML null or an empty cell. */
  record ScalarNode(String text, Location at) implements Node {}

  static String describe(Node n) {
    if (n instanceof MapNode) {
      return "a mapping";
    }
    if (n instanceof ListNode) {
      return "a list";
    }
    return "a single value";
  }
}
