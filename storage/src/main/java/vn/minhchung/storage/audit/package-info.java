/** Append-only audit log; each event carries the hash of the previous one, so reordering or editing shows. */
package vn.minhchung.storage.audit;
