/**
 * Content-addressed, write-once blob store: {@code sha256/ab/cd/<sha256>} in the local folder {@code DATA/blobs}
 * or in an S3-compatible bucket ({@code blobs.store}).
 */
package vn.minhchung.storage.blob;
