package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.JobService;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** Jobs with live progress; admins start, stop and restart summarization jobs. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
  @Inject private JobService jobs;
  @Inject private SummarizationService summarization;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed({Actor.ADMIN, Actor.CLINICIAN})
  public Page<JobView> list(
      @QueryParam("kind") @ApiParam(valuesOf = JobKind.class) String kind,
      @QueryParam("status") @ApiParam(valuesOf = JobStatus.class) String status,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return jobs.jobs(
        Resources.filter("kind", kind),
        Resources.filter("status", status),
        Resources.page(page, size));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Actor.ADMIN, Actor.CLINICIAN})
  public JobView job(@PathParam("id") long id) {
    return jobs.job(id);
  }

  @GET
  @Path("{id}/errors")
  @RolesAllowed({Actor.ADMIN, Actor.CLINICIAN})
  public Page<JobErrorView> errors(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return jobs.errors(id, Resources.page(page, size));
  }

  /** Starts summarizing every note without a summary; 202 with the job's URL. */
  @POST
  @Returns(status = 202, type = JobView.class, description = "Started; Location is the job")
  @Returns(status = 409, description = "A summarization job is already open")
  @Path("summarize")
  @RolesAllowed(Actor.ADMIN)
  public Response summarize(
      @QueryParam("chunkSize") @DefaultValue("16") @ApiParam(minimum = 1, maximum = 256)
          int chunkSize) {
    JobView job = summarization.startJob(actor(), chunkSize);
    return Response.accepted(job)
        .location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(job.id())).build())
        .build();
  }

  @POST
  @Path("{id}/stop")
  @Returns(status = 409, description = "The job has ended already")
  @RolesAllowed(Actor.ADMIN)
  public JobView stop(@PathParam("id") long id) {
    return summarization.stopJob(actor(), id);
  }

  @POST
  @Path("{id}/restart")
  @Returns(status = 409, description = "The job is still open, or succeeded")
  @RolesAllowed(Actor.ADMIN)
  public JobView restart(@PathParam("id") long id) {
    return summarization.restartJob(actor(), id);
  }

  private Actor actor() {
    return Authorization.actor(security);
  }
}
