package io.clinsum.core;

/** A summarization request that cannot be served as given: fix the named field and retry. */
public class InvalidRequestException extends ClinSumException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(FailureReason.BAD_INPUT, field + ": " + message, null, null);
    this.field = field;
  }

  /** Name of the offending request field, such as {@code text} or {@code options.maxLength}. */
  public String field() {
    return field;
  }
}
