package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.JobService;
import io.clinsum.ee.application.JobView;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;

@Stateless
public class JobServiceBean implements JobService {
  @Inject JobStore jobs;

  @Override
  public JobView job(long jobId) {
    return Jobs.view(jobs, jobId);
  }

  @Override
  public Page<JobView> jobs(String kind, String status, PageRequest page) {
    JobKind k = kind == null ? null : parse(JobKind.class, "kind", kind);
    JobStatus s = status == null ? null : parse(JobStatus.class, "status", status);
    return new Page<>(
        jobs.page(k, s, page.offset(), page.size()).stream().map(Views::job).toList(),
        page.page(),
        page.size(),
        jobs.count(k, s));
  }

  @Override
  public Page<JobErrorView> errors(long jobId, PageRequest page) {
    job(jobId);
    return new Page<>(
        jobs.errors(jobId, page.offset(), page.size()),
        page.page(),
        page.size(),
        jobs.countErrors(jobId));
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was " + value);
    }
  }
}
