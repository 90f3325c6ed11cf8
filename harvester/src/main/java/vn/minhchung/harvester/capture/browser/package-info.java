/** The browser edge of capture: finding Chromium, one Playwright per worker thread, preparing and shooting a page. */
package vn.minhchung.harvester.capture.browser;
