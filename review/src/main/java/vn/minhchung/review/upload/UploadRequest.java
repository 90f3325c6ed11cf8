package vn.minhchung.review.upload;

import java.time.LocalDate;
import java.util.List;

/**
 * What a reviewer submits: one or more files (bytes and name as sent), the component (1–6), the items it proves,
 * the unit it comes from (null: the first item's lead unit), the kind of document ({@link DocKind} code, may be
 * empty), a description, the day it was published or took place (null: today) and a note.
 */
public record UploadRequest(List<Part> files, int component, List<Long> itemIds, Long unitId, String docKind,
    String title, LocalDate occurredOn, String note) {

  /** One file as sent. */
  public record Part(byte[] content, String submittedName) {}

  public UploadRequest {
    files = List.copyOf(files);
    itemIds = List.copyOf(itemIds);
  }
}
