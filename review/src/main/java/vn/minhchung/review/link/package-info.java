/** Automatic linking: scores evidence against plan items (keywords, units, date window) and suggests links for review. */
package vn.minhchung.review.link;
