/** Facebook Pages through the Graph API: page posts, reactions/comments/shares totals, rate-limit headers. */
package vn.minhchung.harvester.connector.facebook;
