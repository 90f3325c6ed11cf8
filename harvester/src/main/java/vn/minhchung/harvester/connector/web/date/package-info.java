/**
 * Article dates: every date a page states (JSON-LD, meta, {@code <time>}, visible text, URL) as ranked
 * candidates, the page's own zone and day order, and the choice of the published and modified dates.
 */
package vn.minhchung.harvester.connector.web.date;
