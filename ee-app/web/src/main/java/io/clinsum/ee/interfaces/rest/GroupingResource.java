package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupingService;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
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

/**
 * Patient groupings: versions with their groups, the patients of a group, and regrouping. Groups
 * hold labels and patient identifiers, no note text, so every role may read them; reviewers and
 * admins may regroup.
 */
@Path("groupings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
public class GroupingResource {
  @Inject private GroupingService groupings;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  @GET
  public Page<GroupingView> list(
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return groupings.groupings(Resources.page(page, size));
  }

  /** Starts regrouping every patient with a summary; 202 with the job. */
  @POST
  @RolesAllowed({Actor.REVIEWER, Actor.ADMIN})
  @Returns(status = 202, type = JobView.class, description = "Started; Location is the job")
  @Returns(status = 409, description = "A grouping job is already open")
  public Response regroup(
      @QueryParam("algorithm") @DefaultValue("kmeans") @ApiParam(values = {"kmeans", "hdbscan"})
          String algorithm,
      @QueryParam("k") @ApiParam(minimum = 2, maximum = 200) Integer k) {
    JobView job = groupings.regroup(Authorization.actor(security), algorithm, k);
    return Response.accepted(job)
        .location(uri.getBaseUriBuilder().path("groupings").path("job").build())
        .build();
  }

  /** The newest grouping job, with its progress. */
  @GET
  @Path("job")
  @Returns(status = 404, description = "No grouping job has run yet")
  public JobView job() {
    return groupings
        .latestJob()
        .orElseThrow(() -> new NotFoundException("No grouping job has run yet"));
  }

  @GET
  @Path("latest")
  @Returns(status = 404, description = "There is no grouping yet")
  public GroupingView latest() {
    return groupings.latest();
  }

  @GET
  @Path("{id}")
  public GroupingView grouping(@PathParam("id") long id) {
    return groupings.grouping(id);
  }

  /** Patients of a grouping, most typical first within each group; {@code group} filters. */
  @GET
  @Path("{id}/members")
  public Page<GroupMemberView> members(
      @PathParam("id") long id,
      @QueryParam("group") Integer group,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return groupings.members(id, group, Resources.page(page, size));
  }
}
