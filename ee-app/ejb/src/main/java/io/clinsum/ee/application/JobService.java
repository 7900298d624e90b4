package io.clinsum.ee.application;

import jakarta.ejb.Local;

/** Jobs of every kind, with their progress and errors. */
@Local
public interface JobService {
  JobView job(long jobId);

  /** Newest first; {@code kind} and {@code status} filter when not null. */
  Page<JobView> jobs(String kind, String status, PageRequest page);

  /** The job's errors in the order they happened. */
  Page<JobErrorView> errors(long jobId, PageRequest page);
}
