/** The review web UI (Javalin + precompiled jte): login, dashboard, evidence queue and detail, channels, uploads, audit. */
package vn.minhchung.review.web;
