package io.clinsum.ee.domain.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A long piece of work (an import, a summarization run, a grouping) with its progress. Read-only as
 * an entity: its row changes only through the job store, as conditional single statements whose
 * counter updates run in the same transactions as the work they count (so progress is exact after a
 * crash). Which status changes exist is decided by {@link JobStatus} and {@link JobTransition}.
 */
@Entity
@Table(name = "job")
public class Job {
  @Id private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", insertable = false, updatable = false)
  private JobKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", insertable = false, updatable = false)
  private JobStatus status;

  @Column(name = "total", insertable = false, updatable = false)
  private long total;

  @Column(name = "processed", insertable = false, updatable = false)
  private long processed;

  @Column(name = "succeeded", insertable = false, updatable = false)
  private long succeeded;

  @Column(name = "failed", insertable = false, updatable = false)
  private long failed;

  @Column(name = "attempts", insertable = false, updatable = false)
  private int attempts;

  @Column(name = "launches", insertable = false, updatable = false)
  private int launches;

  @Column(name = "execution_id", insertable = false, updatable = false)
  private Long executionId;

  @Column(name = "runner", insertable = false, updatable = false)
  private String runner;

  @Column(name = "parameters", insertable = false, updatable = false)
  private String parameters;

  @Column(name = "error", insertable = false, updatable = false)
  private String error;

  @Column(name = "created_by", insertable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "started_at", insertable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "finished_at", insertable = false, updatable = false)
  private Instant finishedAt;

  protected Job() {}

  /** Progress in [0, 1]; 0 while the total is unknown. */
  public double progress() {
    if (status == JobStatus.SUCCEEDED) {
      return 1.0;
    }
    return total <= 0 ? 0.0 : Math.min(1.0, (double) processed / total);
  }

  /** Whether this job may move to {@code target} now (see {@link JobStatus#canBecome}). */
  public boolean canBecome(JobStatus target) {
    return status.canBecome(target);
  }

  /** Whether the job is still queued or running. */
  public boolean isOpen() {
    return !status.isFinal();
  }

  public Long getId() {
    return id;
  }

  public JobKind getKind() {
    return kind;
  }

  public JobStatus getStatus() {
    return status;
  }

  public long getTotal() {
    return total;
  }

  public long getProcessed() {
    return processed;
  }

  public long getSucceeded() {
    return succeeded;
  }

  public long getFailed() {
    return failed;
  }

  /** Executions started in a row without storing anything; reset by a chunk that stores. */
  public int getAttempts() {
    return attempts;
  }

  /** Every execution started: more than one means the job was interrupted and resumed. */
  public int getLaunches() {
    return launches;
  }

  public Long getExecutionId() {
    return executionId;
  }

  public String getRunner() {
    return runner;
  }

  public String getParameters() {
    return parameters;
  }

  public String getError() {
    return error;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
