/** Turns the HTTP exchanges a browser recorded (HAR) into a WARC/1.1 file. */
package vn.minhchung.harvester.capture.warc;
