package io.clinsum.ee.application;

import java.util.List;

/**
 * The outcome of a bulk import.
 *
 * @param jobId the import job, whose errors can be paged through later
 * @param committed whether any row was stored (false when mode ALL met an invalid row)
 * @param rows data rows read
 * @param inserted notes stored
 * @param duplicates valid rows not stored because the patient already has a note with that text
 * @param rejected invalid rows
 * @param errors the first {@value #MAX_ERRORS} problems, each with row, field and location
 * @param failure why the import failed as a whole (the server or database, not the rows), or null
 */
public record ImportReport(
    long jobId,
    ImportMode mode,
    boolean committed,
    long rows,
    long inserted,
    long duplicates,
    long rejected,
    List<JobErrorView> errors,
    boolean errorsTruncated,
    String failure) {
  public static final int MAX_ERRORS = 1000;
}
