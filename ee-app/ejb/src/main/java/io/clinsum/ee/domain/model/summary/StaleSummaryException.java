package io.clinsum.ee.domain.model.summary;

/**
 * A review was decided on a version of the summary that is no longer current: someone else reviewed
 * it in between. The reviewer must read it again and decide anew.
 */
public class StaleSummaryException extends RuntimeException {
  private final long summaryId;
  private final long expectedVersion;
  private final long currentVersion;

  public StaleSummaryException(long summaryId, long expectedVersion, long currentVersion) {
    super(
        "Summary "
            + summaryId
            + " is at version "
            + currentVersion
            + ", not "
            + expectedVersion
            + ": someone changed it; read it again");
    this.summaryId = summaryId;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public long summaryId() {
    return summaryId;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
