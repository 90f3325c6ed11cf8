/** Social pages read through the browser: platform selectors and pure parsers of the rendered HTML. */
package vn.minhchung.harvester.capture.social;
