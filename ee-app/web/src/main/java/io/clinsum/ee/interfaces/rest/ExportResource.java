package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ExportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

/** Reviewed summaries as a fine-tuning dataset. */
@Path("exports")
@RequestScoped
public class ExportResource {
  @Inject private ExportService exports;
  @Context private SecurityContext security;

  /** {@code note,summary} CSV of APPROVED and EDITED summaries, streamed. */
  @GET
  @Path("fine-tuning.csv")
  @Produces("text/csv")
  @RolesAllowed(Actor.ADMIN)
  @Returns(status = 200, type = String.class, description = "note,summary CSV")
  public Response fineTuning() {
    Actor actor = Authorization.actor(security);
    StreamingOutput body = out -> exports.writeFineTuningCsv(actor, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"clinsum-fine-tuning.csv\"")
        .build();
  }
}
