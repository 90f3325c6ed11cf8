/** What a plan has and still lacks: per item, per evidence component and per quantified target (pure computation). */
package vn.minhchung.review.progress;
