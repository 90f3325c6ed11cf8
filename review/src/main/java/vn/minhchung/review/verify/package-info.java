/** Offline verification of a dossier ZIP: manifest hashes, audit chain and RFC 3161 timestamp, read safely. */
package vn.minhchung.review.verify;
