/** News sites and agency portals: URL canonicalisation, discovery (RSS/Atom, sitemaps, listings), article extraction, page watch. */
package vn.minhchung.harvester.connector.web;
