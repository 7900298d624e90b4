package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Who the caller is. */
@Path("me")
@RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
public class MeResource {
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Actor me(@Context SecurityContext security) {
    return Authorization.actor(security);
  }
}
