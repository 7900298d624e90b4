package io.clinsum.ee.testing;

import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link JobStore} in memory with the semantics of the JDBC one: compare-and-set changes, one
 * open summarization or grouping job at a time, snapshots on every read.
 */
public final class InMemoryJobStore implements JobStore {
  /** A job row. */
  public static final class Row {
    public JobKind kind;
    public JobStatus status;
    public long total;
    public long processed;
    public long succeeded;
    public long failed;
    public int attempts;
    public int launches;
    public Long executionId;
    public String runner;
    public String parameters;
    public String error;
    public String createdBy = "admin";
    public java.time.Instant createdAt;
    public java.time.Instant startedAt;
    public java.time.Instant finishedAt;
  }

  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private final Map<Long, List<JobErrorView>> errors = new LinkedHashMap<>();
  private final Clock clock;
  private long nextId = 1;
  private RuntimeException failure;
  private RuntimeException launchedFailure;

  public InMemoryJobStore(Clock clock) {
    this.clock = clock;
  }

  /** Every call fails with {@code e} until {@link #heal()} (the database is away). */
  public void fail(RuntimeException e) {
    failure = e;
  }

  public void heal() {
    failure = null;
  }

  /** The next {@link #launched} fails with {@code e}. */
  public void failNextLaunched(RuntimeException e) {
    launchedFailure = e;
  }

  private void check() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Adds a job as some earlier event left it. */
  public long add(JobKind kind, JobStatus status, Consumer<Row> setup) {
    Row r = new Row();
    r.kind = kind;
    r.status = status;
    r.createdAt = clock.instant();
    setup.accept(r);
    long id = nextId++;
    rows.put(id, r);
    return id;
  }

  /** The row of job {@code jobId}, to look at or change behind the application's back. */
  public Row row(long jobId) {
    return rows.get(jobId);
  }

  /** The job's errors, as recorded. */
  public List<JobErrorView> errorsOf(long jobId) {
    return List.copyOf(errors.getOrDefault(jobId, List.of()));
  }

  @Override
  public long create(NewJob job) {
    check();
    if (job.kind() != JobKind.IMPORT
        && rows.values().stream().anyMatch(r -> r.kind == job.kind() && !r.status.isFinal())) {
      throw new OpenJobExistsException(job.kind(), null);
    }
    return add(
        job.kind(),
        job.status(),
        r -> {
          r.createdBy = job.createdBy();
          r.parameters = job.parameters();
          r.runner = job.runner();
          r.startedAt = job.status() == JobStatus.RUNNING ? clock.instant() : null;
        });
  }

  @Override
  public Optional<Job> find(long jobId) {
    check();
    return Optional.ofNullable(rows.get(jobId)).map(r -> snapshot(jobId, r));
  }

  @Override
  public List<Job> open(JobKind kind) {
    check();
    return rows.entrySet().stream()
        .filter(e -> e.getValue().kind == kind && !e.getValue().status.isFinal())
        .map(e -> snapshot(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public Optional<Job> latest(JobKind kind) {
    return page(kind, null, 0, 1).stream().findFirst();
  }

  @Override
  public List<Job> page(JobKind kind, JobStatus status, int offset, int limit) {
    check();
    return rows.entrySet().stream()
        .filter(e -> kind == null || e.getValue().kind == kind)
        .filter(e -> status == null || e.getValue().status == status)
        .sorted(Map.Entry.<Long, Row>comparingByKey(Comparator.reverseOrder()))
        .skip(offset)
        .limit(limit)
        .map(e -> snapshot(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public long count(JobKind kind, JobStatus status) {
    return page(kind, status, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public List<JobErrorView> errors(long jobId, int offset, int limit) {
    check();
    return errorsOf(jobId).stream().skip(offset).limit(limit).toList();
  }

  @Override
  public long countErrors(long jobId) {
    return errorsOf(jobId).size();
  }

  @Override
  public boolean claim(long jobId, String runner) {
    check();
    Row r = rows.get(jobId);
    if (r == null || r.status != JobStatus.QUEUED) {
      return false;
    }
    r.status = JobStatus.RUNNING;
    r.runner = runner;
    r.executionId = null;
    r.attempts++;
    r.launches++;
    r.error = null;
    r.finishedAt = null;
    r.startedAt = r.startedAt == null ? clock.instant() : r.startedAt;
    return true;
  }

  @Override
  public boolean launched(long jobId, long executionId, String runner) {
    check();
    if (launchedFailure != null) {
      RuntimeException e = launchedFailure;
      launchedFailure = null;
      throw e;
    }
    Row r = rows.get(jobId);
    if (r == null || r.status != JobStatus.RUNNING || !runner.equals(r.runner)) {
      return false;
    }
    r.executionId = executionId;
    return true;
  }

  @Override
  public boolean requeueOrphan(long jobId, String runner, Long executionId) {
    check();
    Row r = rows.get(jobId);
    if (r == null
        || r.status != JobStatus.RUNNING
        || !Objects.equals(r.runner, runner)
        || !Objects.equals(r.executionId, executionId)) {
      return false;
    }
    r.status = JobStatus.QUEUED;
    return true;
  }

  @Override
  public void progress(long jobId, long processed, long succeeded, long failed) {
    check();
    Row r = rows.get(jobId);
    r.processed += processed;
    r.succeeded += succeeded;
    r.failed += failed;
    if (succeeded > 0) {
      r.attempts = Math.min(r.attempts, 1);
    }
  }

  @Override
  public void remaining(long jobId, long remaining) {
    check();
    Row r = rows.get(jobId);
    r.total = r.processed + remaining;
  }

  @Override
  public boolean apply(long jobId, JobTransition t) {
    check();
    Row r = rows.get(jobId);
    if (r == null || !t.appliesTo(r.status, r.executionId)) {
      return false;
    }
    if (t.resetsAttemptsFrom(r.status)) {
      r.attempts = 0;
    }
    r.status = t.to();
    r.error = t.error();
    r.finishedAt = t.finishes() ? clock.instant() : null;
    return true;
  }

  @Override
  public void finishImport(long jobId, JobTransition end, long total, List<JobErrorView> errors) {
    check();
    this.errors.computeIfAbsent(jobId, k -> new ArrayList<>()).addAll(errors);
    rows.get(jobId).total = total;
    apply(jobId, end);
  }

  /** Records errors for a job, as the summary store does with a chunk. */
  public void addErrors(long jobId, List<JobErrorView> more) {
    errors.computeIfAbsent(jobId, k -> new ArrayList<>()).addAll(more);
  }

  private static Job snapshot(long id, Row r) {
    Job j = Entities.instantiate(Job.class);
    Entities.set(j, "id", id);
    Entities.set(j, "kind", r.kind);
    Entities.set(j, "status", r.status);
    Entities.set(j, "total", r.total);
    Entities.set(j, "processed", r.processed);
    Entities.set(j, "succeeded", r.succeeded);
    Entities.set(j, "failed", r.failed);
    Entities.set(j, "attempts", r.attempts);
    Entities.set(j, "launches", r.launches);
    Entities.set(j, "executionId", r.executionId);
    Entities.set(j, "runner", r.runner);
    Entities.set(j, "parameters", r.parameters);
    Entities.set(j, "error", r.error);
    Entities.set(j, "createdBy", r.createdBy);
    Entities.set(j, "createdAt", r.createdAt);
    Entities.set(j, "startedAt", r.startedAt);
    Entities.set(j, "finishedAt", r.finishedAt);
    return j;
  }
}
