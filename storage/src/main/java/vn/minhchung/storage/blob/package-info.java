/** Content-addressed, write-once file store under {@code DATA/blobs/sha256/ab/cd/<sha256>}. */
package vn.minhchung.storage.blob;
