package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/** The console's session: sign in, who am I (with the CSRF token), sign out. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  /** The signed-in user, their roles and the token to send with every change. */
  public record SessionView(String username, Set<String> roles, String csrfToken) {}

  /**
   * Signs in with form fields {@code username} and {@code password} (checked by {@link
   * ClinSumAuthentication} before this runs, so they are named here only for the OpenAPI document);
   * 401 if they were wrong.
   */
  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Returns(status = 200, type = SessionView.class, description = "Signed in; the session cookie")
  @Returns(status = 401, description = "Wrong user name or password")
  public Response signIn(
      @FormParam("username") String username, @FormParam("password") String password) {
    return current();
  }

  @GET
  @PermitAll
  @Returns(status = 200, type = SessionView.class, description = "The signed-in user")
  @Returns(status = 401, description = "Not signed in")
  public Response current() {
    if (security.getUserPrincipal() == null) {
      Response.ResponseBuilder r =
          Problems.response(
              Response.Status.UNAUTHORIZED,
              "Not signed in",
              "Wrong user name or password, or the session has ended",
              null);
      if (request.getHeader(ClinSumAuthentication.XHR_HEADER) == null) {
        r.header(HttpHeaders.WWW_AUTHENTICATE, ClinSumAuthentication.CHALLENGE);
      }
      return r.build();
    }
    Actor actor = Authorization.actor(security);
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfProtection.SESSION_KEY);
    return Response.ok(
            new SessionView(
                actor.username(), actor.roles(), token == null ? null : token.toString()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
  @Returns(status = 204, type = void.class, description = "Signed out")
  public Response signOut() throws ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }
}
