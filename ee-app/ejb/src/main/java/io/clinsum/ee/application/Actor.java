package io.clinsum.ee.application;

import java.util.Objects;
import java.util.Set;

/**
 * The signed-in user a service call is made for: the web tier builds it from the security context
 * and passes it in, so every service records who acted without reaching into the container.
 */
public record Actor(String username, Set<String> roles) {
  public static final String CLINICIAN = "clinician";
  public static final String REVIEWER = "reviewer";
  public static final String ADMIN = "admin";

  /** The actor of work the application starts by itself (recovered jobs). */
  public static final Actor SYSTEM = new Actor("system", Set.of(ADMIN));

  public Actor {
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }
}
