package vn.minhchung.review.web;

import vn.minhchung.review.auth.WebUser;

/**
 * What the layout needs on every page: title, active menu entry, user (null on the login page), CSRF token, a
 * success message (green banner) and an error message (red banner), either may be null.
 */
public record Page(String title, String nav, WebUser user, String csrf, String flash, String error) {

  public Page(String title, String nav, WebUser user, String csrf, String flash) {
    this(title, nav, user, csrf, flash, null);
  }

  /** The same page carrying a validation error shown in the red banner instead of any success message. */
  public Page withError(String message) {
    return new Page(title, nav, user, csrf, null, message);
  }
}
