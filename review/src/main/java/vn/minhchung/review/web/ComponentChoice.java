package vn.minhchung.review.web;

import java.util.Set;

/** The item components form's state: follow the plan's default, or the ticked component numbers. */
public record ComponentChoice(boolean inherit, Set<Integer> ticked) {
  public ComponentChoice {
    ticked = Set.copyOf(ticked);
  }
}
