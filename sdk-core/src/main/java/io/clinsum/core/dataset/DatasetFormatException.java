package io.clinsum.core.dataset;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;

/** A dataset cannot be read as given; {@link #issue()} says where and why. */
public class DatasetFormatException extends ClinSumException {
  private static final long serialVersionUID = 1L;
  private final transient DatasetIssue issue;
  private final String source;

  public DatasetFormatException(String source, DatasetIssue issue) {
    super(FailureReason.BAD_INPUT, source + ": " + issue, null, null);
    this.source = source;
    this.issue = issue;
  }

  /** The problem, with its row, line, byte offset and field. */
  public DatasetIssue issue() {
    return issue;
  }

  /** The file or stream name. */
  public String source() {
    return source;
  }
}
