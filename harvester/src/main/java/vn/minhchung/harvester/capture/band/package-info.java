/** The header band burned into an evidence screenshot (Java2D with Noto Sans, so Vietnamese renders correctly). */
package vn.minhchung.harvester.capture.band;
