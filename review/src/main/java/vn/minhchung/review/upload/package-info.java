/** Staff uploads for components 3–6: file type recognised by content (magic bytes), safe file names, stored as blobs. */
package vn.minhchung.review.upload;
