package vn.minhchung.review.auth;

/** The signed-in user of a session. */
public record WebUser(long id, String name, Role role) {
  public boolean canReview() {
    return role.canReview();
  }

  public boolean isAdmin() {
    return role.isAdmin();
  }
}
