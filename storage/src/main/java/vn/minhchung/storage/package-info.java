/** Persistence: schema migrations, entities and queries, the content-addressed blob store and the audit log. */
package vn.minhchung.storage;
