package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.GroupingService;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.ee.application.PatientView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Patients with their note and summary counts; their notes are at {@code /notes?patientId=}. */
@Path("patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
public class PatientResource {
  @Inject private NoteService notes;
  @Inject private GroupingService groupings;

  @GET
  public Page<PatientView> list(
      @QueryParam("prefix") String prefix,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return notes.patients(Resources.filter("prefix", prefix), Resources.page(page, size));
  }

  @GET
  @Path("by-number/{number}")
  public PatientView byNumber(@PathParam("number") long number) {
    return notes.patient(number);
  }

  @GET
  @Path("{patientId}")
  public PatientView patient(@PathParam("patientId") String patientId) {
    return notes.patient(Resources.text("patientId", patientId));
  }

  /** The group of patient number {@code number} in the newest grouping that includes them. */
  @GET
  @Path("by-number/{number}/group")
  public PatientGroupView groupByNumber(@PathParam("number") long number) {
    return groupings.patientGroup(number);
  }

  /** The patient's group in the newest grouping that includes them. */
  @GET
  @Path("{patientId}/group")
  public PatientGroupView group(@PathParam("patientId") String patientId) {
    return groupings.patientGroup(Resources.text("patientId", patientId));
  }
}
