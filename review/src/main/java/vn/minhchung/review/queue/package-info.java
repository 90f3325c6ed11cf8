/** The evidence queue: filters, diacritics-insensitive search over evidence.search_text, and keyset paging. */
package vn.minhchung.review.queue;
