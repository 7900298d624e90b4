package io.clinsum.ee.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Two ways in, one identity store. API clients send HTTP Basic on every request (use TLS); the
 * console signs in once with {@code POST /api/session} (form fields {@code username}, {@code
 * password}) and then rides on the session cookie, with a CSRF token on every change ({@link
 * CsrfProtection}). Only that sign-in creates a session: Basic requests stay stateless (an API
 * client without cookies would otherwise leave a new session behind on every request, and the heap
 * would grow with them). Requests marked {@code X-Requested-With} get no Basic challenge, so a
 * browser never pops up its own login dialog.
 */
@ApplicationScoped
public class ClinSumAuthentication implements HttpAuthenticationMechanism {
  /** Session attributes holding the signed-in caller and roles (console sessions only). */
  static final String SESSION_CALLER = "clinsum.caller";

  static final String SESSION_GROUPS = "clinsum.groups";

  static final String LOGIN_PATH = "/api/session";
  static final String XHR_HEADER = "X-Requested-With";

  /** The Basic challenge of 401 answers to API clients. */
  static final String CHALLENGE = "Basic realm=\"ClinSum\"";

  @Inject private IdentityStoreHandler identities;
  private final VerifiedCredentials verified = new VerifiedCredentials();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      UsernamePasswordCredential credential = basic(header.substring(6).trim());
      if (credential != null) {
        CredentialValidationResult result = verified.get(credential);
        if (result == null) {
          result = identities.validate(credential);
          verified.put(credential, result);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          return context.notifyContainerAboutLogin(result);
        }
      }
      return challenge(request, response, context);
    }
    if (isLogin(request)) {
      String user = request.getParameter("username");
      String password = request.getParameter("password");
      if (user != null && password != null && plausibleUserName(user)) {
        CredentialValidationResult result =
            identities.validate(new UsernamePasswordCredential(user, password));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
          }
          HttpSession session = request.getSession(true);
          session.setAttribute(CsrfProtection.SESSION_KEY, CsrfProtection.newToken());
          session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
          session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
          return context.notifyContainerAboutLogin(result);
        }
      }
      return context.doNothing(); // the session resource answers 401 with a clear message
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
      @SuppressWarnings("unchecked")
      Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
      return context.notifyContainerAboutLogin(caller, groups == null ? Set.of() : groups);
    }
    if (context.isProtected()) {
      return challenge(request, response, context);
    }
    return context.doNothing();
  }

  private static boolean isLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && LOGIN_PATH.equals(path);
  }

  private static UsernamePasswordCredential basic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0 || !plausibleUserName(decoded.substring(0, colon))) {
        return null;
      }
      return new UsernamePasswordCredential(
          decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /**
   * No account has control characters in its name, and PostgreSQL refuses a NUL in a query
   * parameter: such a name is a failed login (401), not an identity-store failure (500).
   */
  static boolean plausibleUserName(String name) {
    return !name.isEmpty() && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static AuthenticationStatus challenge(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getHeader(XHR_HEADER) == null) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(Problems.MEDIA_TYPE);
    try {
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Sign in first\",\"status\":401,"
                  + "\"detail\":\"This needs a signed-in user: HTTP Basic over TLS, or a console"
                  + " session.\"}");
    } catch (IOException e) {
      // the client went away; the status is set
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
