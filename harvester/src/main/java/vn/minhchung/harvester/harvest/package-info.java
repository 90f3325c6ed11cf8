/** The harvest-run service: one run of one channel, from discovery to stored posts, snapshots and run record. */
package vn.minhchung.harvester.harvest;
