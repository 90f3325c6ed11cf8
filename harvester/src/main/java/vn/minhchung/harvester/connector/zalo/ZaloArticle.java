package vn.minhchung.harvester.connector.zalo;

import java.time.Instant;

/**
 * One OA article as the API lists or details it; null where the answer left a field out or sent a count that is
 * not one ({@code countUnreadable}).
 */
public record ZaloArticle(String id, String type, String title, String description, String url, String cover,
    Instant createdAt, String createdText, Long views, Long shares, String status, boolean countUnreadable) {}
