/** Evidence capture of web pages: the service, its outputs (PNG with header band, HTML, WARC, JSON) and the policy. */
package vn.minhchung.harvester.capture;
