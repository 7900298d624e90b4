package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.NewJob;

/** Creating and showing jobs, the same way for every service. */
final class Jobs {
  private Jobs() {}

  /**
   * Creates {@code job}.
   *
   * @throws ConflictException when another job of a kind that runs alone is queued or running
   */
  static long create(JobStore store, NewJob job) {
    try {
      return store.create(job);
    } catch (JobStore.OpenJobExistsException e) {
      throw new ConflictException(
          job.kind() == JobKind.GROUP
              ? "A grouping job is queued or running; wait for it to finish"
              : "Another summarization job is queued or running; stop it or wait for it to"
                  + " finish");
    }
  }

  /** Job {@code jobId} as it stands now. */
  static JobView view(JobStore store, long jobId) {
    return store.find(jobId).map(Views::job).orElseThrow(() -> new NotFoundException("Job", jobId));
  }
}
