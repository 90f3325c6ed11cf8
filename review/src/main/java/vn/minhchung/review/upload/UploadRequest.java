package vn.minhchung.review.upload;

import java.time.LocalDate;

/** What a reviewer submits: the file's bytes and name as sent, the component (3–6), the item it proves, and a description. */
public record UploadRequest(byte[] content, String submittedName, int component, long itemId, String title,
    LocalDate occurredOn, String note) {}
