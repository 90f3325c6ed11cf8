/** Per-channel platform accounts: which credential a harvest uses, checking a token, the OAuth connect flows. */
package vn.minhchung.harvester.account;
