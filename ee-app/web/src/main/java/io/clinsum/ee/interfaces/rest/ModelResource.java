package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ModelView;
import io.clinsum.ee.application.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Model versions and how their summaries fare in review. */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Actor.REVIEWER, Actor.ADMIN})
public class ModelResource {
  @Inject private ReviewService reviews;

  @GET
  public List<ModelView> models() {
    return reviews.models();
  }
}
