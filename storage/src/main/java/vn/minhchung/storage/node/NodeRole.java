package vn.minhchung.storage.node;

/** What a {@code serve} process does: UI and schedule ({@code all}), UI only, or harvests only. */
public enum NodeRole {
  ALL("all", "Giao diện và thu thập"),
  UI("ui", "Chỉ giao diện (--no-scheduler)"),
  WORKER("worker", "Chỉ thu thập (--no-ui)");

  private final String code;
  private final String label;

  NodeRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** Vietnamese, for the admin page. */
  public String label() {
    return label;
  }

  public static NodeRole fromCode(String code) {
    for (NodeRole r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown node role '" + code + "'; expected all, ui or worker");
  }
}
