package io.clinsum.ee.interfaces.rest;

import io.clinsum.core.FailureReason;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem-details responses. */
final class Problems {
  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  static Response.ResponseBuilder response(
      Response.StatusType status, String title, String detail, List<Problem.FieldError> errors) {
    return build(status, title, detail, errors, null);
  }

  /** A problem caused by a summarization backend, carrying the SDK's failure reason. */
  static Response.ResponseBuilder backend(
      Response.StatusType status, String title, String detail, FailureReason reason) {
    return build(status, title, detail, null, reason);
  }

  private static Response.ResponseBuilder build(
      Response.StatusType status,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      FailureReason reason) {
    return Response.status(status.getStatusCode())
        .type(MEDIA_TYPE)
        .entity(
            new Problem(
                "about:blank",
                title,
                status.getStatusCode(),
                detail,
                null,
                errors == null ? List.of() : errors,
                reason == null ? null : reason.name()));
  }

  static Response of(Response.StatusType status, String title, String detail) {
    return response(status, title, detail, null).build();
  }
}
