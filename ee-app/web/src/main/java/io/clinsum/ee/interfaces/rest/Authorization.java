package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enforces {@link RolesAllowed} on every resource method with plain Jakarta REST, so it works on
 * any server: no caller → 401 with a Basic challenge; a caller without one of the roles → 403. A
 * method with neither {@code RolesAllowed} nor {@link PermitAll} is refused, so a new endpoint
 * cannot be forgotten.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class Authorization implements ContainerRequestFilter {
  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    Set<String> allowed = rolesAllowed(method);
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(
          Problems.response(
                  Response.Status.UNAUTHORIZED,
                  "Sign in first",
                  "This endpoint needs a signed-in user (HTTP Basic over TLS).",
                  null)
              .header(HttpHeaders.WWW_AUTHENTICATE, ClinSumAuthentication.CHALLENGE)
              .build());
      return;
    }
    if (allowed.stream().noneMatch(security::isUserInRole)) {
      request.abortWith(
          Problems.response(
                  Response.Status.FORBIDDEN,
                  "Not allowed",
                  "This endpoint needs one of the roles " + allowed + ".",
                  null)
              .build());
    }
  }

  /**
   * The roles that may call {@code method}: its own annotation, else its class's; empty if none.
   */
  static Set<String> rolesAllowed(Method method) {
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null
        ? Set.of()
        : Arrays.stream(roles.value()).collect(Collectors.toUnmodifiableSet());
  }

  /** The actor for the signed-in caller. */
  static Actor actor(SecurityContext security) {
    Set<String> roles =
        Set.of(Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN).stream()
            .filter(security::isUserInRole)
            .collect(Collectors.toUnmodifiableSet());
    return new Actor(security.getUserPrincipal().getName(), roles);
  }
}
