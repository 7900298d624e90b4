package io.clinsum.ee.interfaces.rest;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ImportMode;
import io.clinsum.ee.application.ImportReport;
import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.NoteView;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
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
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Clinical notes: create one, import many, read one (audited), ask for its summary. */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {
  @Inject private NoteService notes;
  @Inject private ImportService imports;
  @Inject private SummarizationService summarization;
  @Inject private ReviewService reviews;
  @Context private SecurityContext security;
  @Context private UriInfo uri;

  /**
   * A new note. The patterns are what {@link io.clinsum.ee.domain.model.note.NoteRules} accepts,
   * for the OpenAPI document; labels are shown with their ASCII letters and digits, while the rules
   * take letters and digits of any script.
   */
  public record NewNote(
      @NotBlank @Size(max = 128) @ApiParam(pattern = IDENTIFIER) String patientId,
      @Size(max = 128) @ApiParam(pattern = IDENTIFIER) String noteId,
      @NotBlank @Size(max = 64) @ApiParam(pattern = LABEL) String noteType,
      @Size(max = 64) @ApiParam(pattern = LABEL) String authorRole,
      @Size(max = 128) String source,
      Instant recordedAt,
      @NotNull @Size(max = ClinicalNote.MAX_TEXT_CHARS) @ApiParam(pattern = TEXT) String text) {}

  /** No control characters, and not only spaces. */
  static final String IDENTIFIER =
      "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\u0000-\\u0020\\u007f-\\u009f]"
          + "[^\\u0000-\\u001f\\u007f-\\u009f]*$";

  /** A letter or digit, then letters, digits, spaces and . _ / ( ) &amp; , + : ' # -. */
  static final String LABEL = "^[A-Za-z0-9][A-Za-z0-9 ._/()&,+:'#-]*$";

  /** No NUL, and not only white space. */
  static final String TEXT = "^[^\\u0000]*[^\\u0000\\s][^\\u0000]*$";

  @POST
  @RolesAllowed(Actor.CLINICIAN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Returns(status = 201, type = NoteView.class, description = "Created; Location is the note")
  @Returns(status = 409, description = "The patient already has a note with this text")
  public Response create(@NotNull @Valid NewNote body) {
    NoteView created =
        notes.create(
            actor(),
            new NoteDetails(
                body.patientId(),
                body.noteId(),
                body.noteType(),
                body.authorRole(),
                body.source(),
                body.recordedAt(),
                body.text()));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN})
  public Page<NoteView> list(
      @QueryParam("patientId") String patientId,
      @QueryParam("noteType") String noteType,
      @QueryParam("from") @ApiParam(format = "date-time") String from,
      @QueryParam("to") @ApiParam(format = "date-time") String to,
      @QueryParam("page") @DefaultValue("0") @ApiParam(minimum = 0) int page,
      @QueryParam("size")
          @DefaultValue(Resources.DEFAULT_PAGE_SIZE)
          @ApiParam(minimum = 1, maximum = PageRequest.MAX_SIZE)
          int size) {
    return notes.list(
        Resources.filter("patientId", patientId),
        Resources.filter("noteType", noteType),
        Resources.instant("from", from),
        Resources.instant("to", to),
        Resources.page(page, size));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER})
  public NoteView read(@PathParam("id") long id) {
    return notes.read(actor(), id);
  }

  /**
   * Imports a CSV or JSON Lines file streamed as the body. 200 with the report when rows were
   * stored or all were valid; 422 with the report when nothing was stored because of bad rows; 503
   * with the report (its {@code failure}) when the server or database failed and nothing was
   * stored.
   */
  @POST
  @Path("import")
  @RolesAllowed(Actor.CLINICIAN)
  @Consumes({
    "text/csv",
    "application/x-ndjson",
    "application/jsonl",
    MediaType.APPLICATION_OCTET_STREAM,
    MediaType.TEXT_PLAIN
  })
  @Returns(status = 200, type = ImportReport.class, description = "Rows stored (or all valid)")
  @Returns(
      status = 422,
      type = ImportReport.class,
      description = "Nothing stored because of bad rows (mode all)")
  @Returns(
      status = 503,
      type = ImportReport.class,
      description = "Nothing stored: the server or database failed (failure)")
  public Response importNotes(
      InputStream body,
      @QueryParam("format") @DefaultValue("csv") @ApiParam(values = {"csv", "jsonl", "ndjson"})
          String format,
      @QueryParam("mode") @DefaultValue("valid") @ApiParam(values = {"valid", "all"}) String mode,
      @QueryParam("source") @DefaultValue("upload") String source) {
    DatasetFormat f =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "csv" -> DatasetFormat.CSV;
          case "jsonl", "ndjson" -> DatasetFormat.JSONL;
          default ->
              throw new InvalidInputException("format", "must be csv or jsonl, was " + format);
        };
    ImportMode m;
    try {
      m = ImportMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("mode", "must be all or valid, was " + mode);
    }
    if (source.length() > 128) {
      throw new InvalidInputException("source", "is longer than 128 characters");
    }
    ImportReport report = imports.importNotes(actor(), body, f, m, source);
    if (report.failure() != null) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(report).build();
    }
    boolean refused = !report.committed() && report.rejected() > 0;
    return Response.status(refused ? 422 : 200).entity(report).build();
  }

  /**
   * Asks for the note's summary: 200 if it exists; otherwise 202 while it is made in the
   * background, or, with {@code wait=true}, made in this request and returned with 200.
   */
  /** A summary on its way: poll the Location. */
  public record Queued(long noteId, @NotNull String status) {}

  @POST
  @Path("{id}/summary")
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER})
  @Returns(status = 200, type = SummaryView.class, description = "The summary; ETag is its version")
  @Returns(status = 202, type = Queued.class, description = "Queued; GET the Location later")
  @Returns(status = 503, description = "The model cannot summarize now (Retry-After, reason)")
  public Response summarize(
      @PathParam("id") long id, @QueryParam("wait") @DefaultValue("false") boolean wait) {
    if (wait) {
      SummaryView s = summarization.summarizeNow(actor(), id);
      return Response.ok(s).tag(Long.toString(s.version())).build();
    }
    Optional<SummaryView> existing = summarization.requestSummary(actor(), id);
    if (existing.isPresent()) {
      return Response.ok(existing.get()).tag(Long.toString(existing.get().version())).build();
    }
    return Response.accepted()
        .location(uri.getAbsolutePath())
        .entity(new Queued(id, "QUEUED"))
        .build();
  }

  /** The note's summary with the note text (an audited read). */
  @GET
  @Path("{id}/summary")
  @RolesAllowed({Actor.CLINICIAN, Actor.REVIEWER})
  @Returns(status = 200, type = SummaryView.class, description = "The summary; ETag is its version")
  public Response summary(@PathParam("id") long id) {
    SummaryView s = reviews.readForNote(actor(), id);
    return Response.ok(s).tag(Long.toString(s.version())).build();
  }

  private Actor actor() {
    return Authorization.actor(security);
  }
}
