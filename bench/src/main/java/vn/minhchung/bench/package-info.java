/** Benchmarks run on demand (main classes printing figures), never as unit tests. */
package vn.minhchung.bench;
