/** Scheduled harvests: Quartz (JDBC job store, clustered) running one job per active channel, retries, limits. */
package vn.minhchung.harvester.schedule;
