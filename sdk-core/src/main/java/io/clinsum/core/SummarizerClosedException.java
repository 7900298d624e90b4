package io.clinsum.core;

/** A {@link Summarizer} was used after {@link Summarizer#close()}; open a new one instead. */
public class SummarizerClosedException extends ClinSumException {
  private static final long serialVersionUID = 1L;

  public SummarizerClosedException(String backend) {
    super(
        FailureReason.CLOSED,
        "The '" + backend + "' summarizer is closed; open a new one with Summarizers.open(...)",
        null,
        null);
  }
}
