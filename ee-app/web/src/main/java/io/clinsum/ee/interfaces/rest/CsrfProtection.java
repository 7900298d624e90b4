package io.clinsum.ee.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Every state-changing request made on a session cookie must carry the session's token in {@code
 * X-CSRF-Token} (the console reads it from {@code GET /api/session}). Requests with their own
 * {@code Authorization} header carry no ambient credentials and need none.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CsrfProtection implements ContainerRequestFilter {
  static final String HEADER = "X-CSRF-Token";
  static final String SESSION_KEY = "clinsum.csrf";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Context private HttpServletRequest servletRequest;

  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod())
        || request.getHeaderString("Authorization") != null
        || request.getUriInfo().getPath().replaceFirst("^/", "").equals("session")) {
      return;
    }
    HttpSession session = servletRequest.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_KEY);
    String sent = request.getHeaderString(HEADER);
    if (expected == null
        || sent == null
        || !MessageDigest.isEqual(expected.toString().getBytes(), sent.getBytes())) {
      request.abortWith(
          Problems.of(
              Response.Status.FORBIDDEN,
              "Missing or wrong CSRF token",
              "Send the token from GET /api/session in the " + HEADER + " header"));
    }
  }
}
