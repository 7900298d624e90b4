package io.clinsum.ee.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Two ways in, one identity store. API clients send HTTP Basic on every request (use TLS); the
 * console signs in once with {@code POST /api/session} (form fields {@code username}, {@code
 * password}) and then rides on the session cookie ({@link AutoApplySession}), with a CSRF token on
 * every change ({@link CsrfProtection}). Requests marked {@code X-Requested-With} get no Basic
 * challenge, so a browser never pops up its own login dialog.
 */
@ApplicationScoped
@AutoApplySession
public class ClinSumAuthentication implements HttpAuthenticationMechanism {
  static final String LOGIN_PATH = "/api/session";
  static final String XHR_HEADER = "X-Requested-With";

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
      if (user != null && password != null) {
        CredentialValidationResult result =
            identities.validate(new UsernamePasswordCredential(user, password));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          request
              .getSession(true)
              .setAttribute(CsrfProtection.SESSION_KEY, CsrfProtection.newToken());
          return context.notifyContainerAboutLogin(result);
        }
      }
      return context.doNothing(); // the session resource answers 401 with a clear message
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
      return colon < 0
          ? null
          : new UsernamePasswordCredential(
              decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static AuthenticationStatus challenge(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getHeader(XHR_HEADER) == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"ClinSum\"");
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
