package io.clinsum.ee.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param errors one entry per wrong field or parameter, when there are several
 * @param reason the SDK's kind of failure ({@link io.clinsum.core.FailureReason}: {@code
 *     THROTTLED}, {@code TIMEOUT}, {@code MODEL_ERROR} ...) when a summarization backend failed;
 *     absent otherwise
 */
public record Problem(
    @NotNull String type,
    @NotNull String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String reason) {
  /** What is wrong with one field or parameter. */
  public record FieldError(String field, String message) {}
}
