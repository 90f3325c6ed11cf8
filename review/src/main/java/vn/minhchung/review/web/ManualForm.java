package vn.minhchung.review.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * The "Thêm minh chứng" forms as typed, to show them again after a problem: the link form ({@code url}) or the
 * upload form (files are never kept by browsers, the rest is). Ids are strings as posted.
 */
public record ManualForm(String url, String component, List<String> items, String unit, String docKind,
    String title, String occurred, String note) {

  static final ManualForm EMPTY = new ManualForm("", "", List.of(), "", "", "", "", "");

  static ManualForm of(Context ctx) {
    return new ManualForm(p(ctx, "url"), p(ctx, "component"), ctx.formParams("item"), p(ctx, "unit"), p(ctx, "docKind"),
        p(ctx, "title"), p(ctx, "occurred"), p(ctx, "note"));
  }

  /** An empty form with the item of {@code ?item=} chosen. */
  static ManualForm forItem(String item) {
    return new ManualForm("", "", item == null || item.isBlank() ? List.of() : List.of(item), "", "", "", "", "");
  }

  public boolean hasItem(Long id) {
    return items.contains(id.toString());
  }

  private static String p(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }
}
