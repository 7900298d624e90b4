package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * Review of summaries. Reading one returns its version as the {@code ETag}; approve, edit and
 * reject require it back in {@code If-Match} (428 without it, 412 if someone changed it since).
 */
@Path("summaries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
  @Inject private ReviewService reviews;
  @Context private SecurityContext security;

  /** An optional comment on an approval. */
  public record Approval(@Size(max = 2000) String comment) {}

  /** A corrected summary. */
  public record Edit(
      @NotBlank @Size(max = Summary.MAX_TEXT_CHARS) String text,
      @Size(max = 2000) String comment) {}

  /** Why the summary is rejected. */
  public record Rejection(@NotBlank @Size(max = 2000) String reason) {}

  @GET
  @RolesAllowed({Actor.REVIEWER, Actor.ADMIN})
  public Page<SummaryView> list(
      @QueryParam("state") @ApiParam(valuesOf = ReviewState.class) String state,
      @QueryParam("patientId") String patientId,
      @QueryParam("noteType") String noteType,
      @QueryParam("modelVersion") String modelVersion,
      @QueryParam("from") @ApiParam(format = "date-time") String from,
      @QueryParam("to") @ApiParam(format = "date-time") String to,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return reviews.list(
        Resources.filter("state", state),
        Resources.filter("patientId", patientId),
        Resources.filter("noteType", noteType),
        Resources.filter("modelVersion", modelVersion),
        Resources.instant("from", from),
        Resources.instant("to", to),
        Resources.page(page, size));
  }

  @GET
  @Path("counts")
  @RolesAllowed({Actor.REVIEWER, Actor.ADMIN})
  public Map<String, Long> counts() {
    return reviews.counts();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Actor.REVIEWER)
  @Returns(status = 200, type = SummaryView.class, description = "The summary; ETag is its version")
  public Response read(@PathParam("id") long id) {
    SummaryView s = reviews.read(actor(), id);
    return withTag(s);
  }

  @POST
  @Path("{id}/approve")
  @RolesAllowed(Actor.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Returns(
      status = 200,
      type = SummaryView.class,
      description = "Reviewed; ETag is the new version")
  @Returns(status = 409, description = "Already reviewed")
  @Returns(status = 412, description = "Changed by someone else since that ETag")
  @Returns(status = 428, description = "If-Match is missing")
  public Response approve(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) @ApiParam(required = true, pattern = Resources.IF_MATCH)
          String ifMatch,
      @Valid Approval body) {
    long version = Resources.ifMatch(ifMatch);
    return withTag(reviews.approve(actor(), id, version, body == null ? null : body.comment()));
  }

  @POST
  @Path("{id}/edit")
  @RolesAllowed(Actor.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Returns(
      status = 200,
      type = SummaryView.class,
      description = "Reviewed; ETag is the new version")
  @Returns(status = 409, description = "Already reviewed")
  @Returns(status = 412, description = "Changed by someone else since that ETag")
  @Returns(status = 428, description = "If-Match is missing")
  public Response edit(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) @ApiParam(required = true, pattern = Resources.IF_MATCH)
          String ifMatch,
      @NotNull @Valid Edit body) {
    long version = Resources.ifMatch(ifMatch);
    return withTag(reviews.edit(actor(), id, version, body.text(), body.comment()));
  }

  @POST
  @Path("{id}/reject")
  @RolesAllowed(Actor.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Returns(
      status = 200,
      type = SummaryView.class,
      description = "Reviewed; ETag is the new version")
  @Returns(status = 409, description = "Already reviewed")
  @Returns(status = 412, description = "Changed by someone else since that ETag")
  @Returns(status = 428, description = "If-Match is missing")
  public Response reject(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) @ApiParam(required = true, pattern = Resources.IF_MATCH)
          String ifMatch,
      @NotNull @Valid Rejection body) {
    long version = Resources.ifMatch(ifMatch);
    return withTag(reviews.reject(actor(), id, version, body.reason()));
  }

  @GET
  @Path("{id}/history")
  @RolesAllowed({Actor.REVIEWER, Actor.ADMIN})
  public List<RevisionView> history(@PathParam("id") long id) {
    return reviews.history(id);
  }

  private static Response withTag(SummaryView s) {
    return Response.ok(s).tag(Long.toString(s.version())).build();
  }

  private Actor actor() {
    return Authorization.actor(security);
  }
}
