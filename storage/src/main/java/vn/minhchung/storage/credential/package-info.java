/** Platform accounts (Page, OA, key) linked to channels, their secrets sealed at rest, and OAuth connect states. */
package vn.minhchung.storage.credential;
