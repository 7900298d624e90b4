package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummarizationService.BackendView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The summarization backend in use (configured on the server; see the deployment guide). */
@Path("backend")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Actor.ADMIN)
public class BackendResource {
  @Inject private SummarizationService summarization;

  @GET
  public BackendView backend() {
    return summarization.backend();
  }
}
