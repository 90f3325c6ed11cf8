/** Checks of harvested items against plan targets, e.g. whether a clip's duration fits "5–10 phút". */
package vn.minhchung.harvester.spec;
