/** What staff use: the review web UI, the dossier export and its offline verification. */
package vn.minhchung.review;
