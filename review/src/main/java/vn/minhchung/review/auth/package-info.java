/** Web users, roles, bcrypt passwords, server-side sessions with CSRF tokens, and login throttling. */
package vn.minhchung.review.auth;
