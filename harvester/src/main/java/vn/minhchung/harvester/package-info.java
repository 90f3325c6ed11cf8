/** The deployable: connectors, browser capture, scheduler, linking and the command line. */
package vn.minhchung.harvester;
