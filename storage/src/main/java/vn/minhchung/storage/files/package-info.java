/** The data directory on disk: owner-only permissions, and the temporary files a dead process left behind. */
package vn.minhchung.storage.files;
