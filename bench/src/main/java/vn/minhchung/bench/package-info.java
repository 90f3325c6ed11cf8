/** Benchmarks run on demand (main classes that print figures), never as unit tests. */
package vn.minhchung.bench;
