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
 * Every state-changing request is refused when a browser marks it cross-site ({@code
 * Sec-Fetch-Site}, {@code Origin}), whatever its credentials. Those made on a session cookie must
 * also carry the session's token in {@code X-CSRF-Token} (the console reads it from {@code GET
 * /api/session}); API clients that send {@code Authorization} themselves need no token.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CsrfProtection implements ContainerRequestFilter {
  static final String HEADER = "X-CSRF-Token";
  static final String SESSION_KEY = "clinsum.csrf";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Context private HttpServletRequest servletRequest;

  /**
   * Whether a browser says the request comes from another site: {@code Sec-Fetch-Site} other than
   * same-origin/none, or an {@code Origin} whose host and port differ from the request's {@code
   * Host} (the scheme is not compared: a TLS proxy may sit in front).
   */
  private boolean crossSite(ContainerRequestContext request) {
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      return true;
    }
    String origin = request.getHeaderString("Origin");
    String host = request.getHeaderString("Host");
    if (origin == null || host == null) {
      return false;
    }
    if (origin.equals("null")) {
      return true;
    }
    int scheme = origin.indexOf("://");
    return !(scheme >= 0 ? origin.substring(scheme + 3) : origin).equalsIgnoreCase(host);
  }

  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      // Whatever the credentials: a browser may replay remembered Basic credentials too.
      request.abortWith(
          Problems.of(
              Response.Status.FORBIDDEN,
              "Cross-site request refused",
              "Changes must come from ClinSum's own pages or from a non-browser client"));
      return;
    }
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
