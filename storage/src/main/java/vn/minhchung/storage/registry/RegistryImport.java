package vn.minhchung.storage.registry;

/**
 * What an import did: the sizes of the document and how many stored entities (units, channels, plans, plan
 * items with their targets) were created or changed; unchanged ones are neither.
 */
public record RegistryImport(int units, int channels, int plans, int items, int targets, int created, int updated) {

  /** "Imported 17 units, 5 channels, 2 plans (21 items, 4 targets): 45 created, 0 updated". */
  public String summary() {
    return "Imported " + units + " units, " + channels + " channels, " + plans + " plans (" + items + " items, "
        + targets + " targets): " + created + " created, " + updated + " updated";
  }
}
