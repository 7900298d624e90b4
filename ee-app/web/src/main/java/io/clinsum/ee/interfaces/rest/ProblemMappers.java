package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.UnavailableException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as problem details that say what is wrong and where. */
final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class Invalid implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return invalid(e);
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problems.of(Status.NOT_FOUND, "Not found", e.getMessage());
    }
  }

  /**
   * 503 with Retry-After: a part the request needs cannot work now (the model, say); the problem's
   * {@code reason} says what kind of failure it was when the summarization backend reported one.
   */
  @Provider
  public static class Unavailable implements ExceptionMapper<UnavailableException> {
    @Override
    public Response toResponse(UnavailableException e) {
      return Problems.backend(
              Status.SERVICE_UNAVAILABLE, "Unavailable", e.getMessage(), e.reason().orElse(null))
          .header("Retry-After", "30")
          .build();
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return Problems.of(Status.CONFLICT, "Conflict", e.getMessage());
    }
  }

  @Provider
  public static class Stale implements ExceptionMapper<StaleVersionException> {
    @Override
    public Response toResponse(StaleVersionException e) {
      return stale(e);
    }
  }

  @Provider
  public static class Constraint implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .sorted(
                  java.util.Comparator.comparing(
                      (ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
              .map(v -> new Problem.FieldError(field(v), v.getMessage()))
              .toList();
      return Problems.response(
              Status.BAD_REQUEST, "Invalid request", errors.size() + " invalid field(s)", errors)
          .build();
    }

    /**
     * The last property or parameter of the path: {@code create.body.text} → {@code text}; an
     * element of a collection is named by its collection ({@code roles[].<iterable element>} →
     * {@code roles}).
     */
    private static String field(ConstraintViolation<?> v) {
      String name = v.getPropertyPath().toString();
      for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
            || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          name = node.getName();
        }
      }
      return name;
    }
  }

  /**
   * Errors the runtime raises itself (404 for unknown paths, 405, 406, 415, bad JSON, a parameter
   * that does not convert to its type).
   */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response r = e.getResponse();
      Throwable cause = e.getCause();
      if (cause instanceof JsonbException || r.getStatus() == 400) {
        return Problems.of(
            Status.BAD_REQUEST,
            "Malformed request body",
            "The body is not valid JSON for this endpoint"
                + (cause != null && cause.getMessage() != null
                    ? ": " + firstLine(cause.getMessage())
                    : ""));
      }
      if (r.getStatus() == 404 && cause != null) {
        // JAX-RS answers 404 when a path or query parameter does not convert to its type
        // (size=abc); an unknown path has no cause. For an API client that is a bad request.
        return Problems.of(
            Status.BAD_REQUEST,
            "Invalid request",
            "A parameter is not of its documented type: "
                + firstLine(String.valueOf(e.getMessage())));
      }
      Response.StatusType status = r.getStatusInfo();
      return Problems.of(
          status, status.getReasonPhrase(), firstLine(String.valueOf(e.getMessage())));
    }
  }

  /** Application exceptions arrive bare; anything else from an EJB arrives wrapped. */
  @Provider
  public static class Ejb implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidInputException i) {
        return invalid(i);
      }
      if (cause instanceof StaleVersionException s) {
        return stale(s);
      }
      return internal(e);
    }
  }

  @Provider
  public static class Any implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      if (e instanceof JsonbException || e instanceof jakarta.ws.rs.ProcessingException) {
        return Problems.of(
            Status.BAD_REQUEST,
            "Malformed request body",
            "The body is not valid JSON for this endpoint: " + firstLine(e.getMessage()));
      }
      return internal(e);
    }
  }

  static Response invalid(InvalidInputException e) {
    List<Problem.FieldError> errors =
        e.problems().stream().map(p -> new Problem.FieldError(p.getKey(), p.getValue())).toList();
    return Problems.response(Status.BAD_REQUEST, "Invalid request", e.getMessage(), errors).build();
  }

  static Response stale(StaleVersionException e) {
    return Problems.response(
            Status.PRECONDITION_FAILED, "Changed by someone else", e.getMessage(), null)
        .tag(Long.toString(e.currentVersion()))
        .build();
  }

  /** 500 with an incident id; the log gets the exception class and id but no message (PHI). */
  static Response internal(Throwable e) {
    return Problems.of(Status.INTERNAL_SERVER_ERROR, "Internal error", incident(e));
  }

  /** Logs {@code e} under a new incident id and returns the detail that quotes it. */
  static String incident(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident + ": " + e.getClass().getName(), stripped(e));
    return "Something went wrong on the server; quote incident "
        + incident
        + " to your administrator";
  }

  /** A copy of the stack trace without messages, which may quote note text. */
  private static Throwable stripped(Throwable e) {
    Throwable copy = new Throwable(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(stripped(e.getCause()));
    }
    return copy;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
