/** Benchmarks run on demand (not by the test suite), printing figures. */
package vn.minhchung.bench;
