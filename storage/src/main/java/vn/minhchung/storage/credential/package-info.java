/** Platform credentials that change at run time (e.g. Zalo's single-use refresh tokens), saved before use. */
package vn.minhchung.storage.credential;
