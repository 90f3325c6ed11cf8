package vn.minhchung.review.web;

import vn.minhchung.review.auth.WebUser;

/** What the layout needs on every page: title, active menu entry, user (null on the login page), CSRF token, message. */
public record Page(String title, String nav, WebUser user, String csrf, String flash) {}
