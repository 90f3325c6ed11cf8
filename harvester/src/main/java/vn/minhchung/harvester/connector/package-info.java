/** The connector contract: what every platform connector receives and emits, independent of the platform. */
package vn.minhchung.harvester.connector;
