/** Opens the database (embedded H2 or PostgreSQL), applies Flyway migrations and bootstraps Hibernate. */
package vn.minhchung.storage.db;
