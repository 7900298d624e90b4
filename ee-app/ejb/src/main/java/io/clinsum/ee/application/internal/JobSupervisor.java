package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.UnavailableException;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.JobExecutionEvents;
import io.clinsum.ee.application.port.JobLauncher;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Keeps summarization jobs running to the end. Every few seconds it starts queued jobs and
 * relaunches jobs whose execution died: after a server crash (the row says RUNNING but this server
 * never ran it) or a database outage (the execution failed). A relaunch resumes with the notes
 * still pending, so no note is lost or summarized twice. A job is given up after {@value
 * #MAX_ATTEMPTS} failed attempts in a row. Executions report to it through {@link
 * JobExecutionEvents}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@LocalBean
@Local(JobExecutionEvents.class)
public class JobSupervisor implements JobExecutionEvents {
  static final int MAX_ATTEMPTS = 5;

  /** Most notes summarized on demand at once in the background; more are refused (503). */
  static final int ON_DEMAND_CAPACITY = 256;

  /** How long an import may go unregistered here before it counts as orphaned. */
  static final Duration IMPORT_GRACE = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(JobSupervisor.class.getName());

  /** Tells this server's executions from those of an earlier life of the server. */
  private final String runner = UUID.randomUUID().toString();

  /** Imports running in this server now (an import runs in its request's thread). */
  private final Set<Long> importsHere = ConcurrentHashMap.newKeySet();

  private final Set<Long> onDemand = ConcurrentHashMap.newKeySet();

  @Inject JobStore jobs;
  @Inject JobLauncher launcher;
  @Inject NoteStore notes;
  @Inject AuditLog audit;
  Clock clock = Clock.systemUTC();

  /**
   * Starts an execution of job {@code jobId} now, if it is QUEUED. The claim (QUEUED → RUNNING for
   * this runner) comes first and is conditional, so the timer and a user can never start the same
   * job twice.
   */
  public synchronized void launch(long jobId, int chunkSize) {
    if (!jobs.claim(jobId, runner)) {
      return; // stopped, finished or already running
    }
    long execution;
    try {
      execution = launcher.start(jobId, chunkSize);
    } catch (RuntimeException e) {
      jobs.apply(jobId, JobTransition.requeue("Could not start: " + e.getClass().getSimpleName()));
      throw e;
    }
    try {
      jobs.launched(jobId, execution, runner);
    } catch (RuntimeException e) {
      // Unrecorded, it would run beside the next attempt: stop it, the job stays resumable.
      try {
        launcher.stop(execution);
      } catch (RuntimeException alreadyEnded) {
        e.addSuppressed(alreadyEnded);
      }
      throw e;
    }
    LOG.info(() -> "Summarization job " + jobId + " started as execution " + execution);
  }

  /** This server's identity in job records. */
  public String runner() {
    return runner;
  }

  /**
   * Reserves a background on-demand summary for {@code noteId}.
   *
   * @return false when one is already being made for it
   * @throws UnavailableException when {@value #ON_DEMAND_CAPACITY} are already waiting: the work
   *     queue stays bounded under any load
   */
  public boolean queueOnDemand(long noteId) {
    if (onDemand.contains(noteId)) {
      return false;
    }
    if (onDemand.size() >= ON_DEMAND_CAPACITY) {
      throw new UnavailableException(
          ON_DEMAND_CAPACITY
              + " summaries are already being made on demand; retry shortly, ask with"
              + " ?wait=true, or summarize in bulk with the batch job");
    }
    return onDemand.add(noteId);
  }

  public void onDemandDone(long noteId) {
    onDemand.remove(noteId);
  }

  public void importStarted(long jobId) {
    importsHere.add(jobId);
  }

  public void importEnded(long jobId) {
    importsHere.remove(jobId);
  }

  /**
   * Ends import jobs left RUNNING by an import that no longer runs: the server was killed during
   * it, or the database went away right after it committed. An import is one transaction, so its
   * audit event (written in that transaction) tells which: committed means SUCCEEDED, otherwise
   * nothing was stored and it is FAILED, asking for the file again.
   */
  void endOrphanImports() {
    for (Job job : jobs.open(JobKind.IMPORT)) {
      boolean earlierLife = !runner.equals(job.getRunner());
      boolean stale =
          !importsHere.contains(job.getId())
              && job.getStartedAt() != null
              && job.getStartedAt().isBefore(clock.instant().minus(IMPORT_GRACE));
      if (job.getStatus() != JobStatus.RUNNING || (!earlierLife && !stale)) {
        continue; // running here (or registering itself this very moment)
      }
      boolean committed = audit.recorded(AuditLog.NOTES_IMPORTED, "job", job.getId());
      jobs.apply(
          job.getId(),
          committed
              ? JobTransition.finish(
                  JobStatus.SUCCEEDED,
                  "The import was stored, but the server stopped before it recorded its counts")
              : JobTransition.fail(
                  "Interrupted: the server stopped during this import, so nothing from it was"
                      + " stored (an import is one transaction). Send the file again; notes stored"
                      + " by other imports are skipped as duplicates"));
      LOG.warning(
          () ->
              "Import job "
                  + job.getId()
                  + " was interrupted; marked "
                  + (committed ? "SUCCEEDED" : "FAILED"));
    }
  }

  /** Whether job {@code job}'s execution still runs on this server (stopping counts). */
  public boolean isRunningHere(Job job) {
    return runner.equals(job.getRunner()) && isActive(job);
  }

  /** Asks job {@code job}'s execution to stop, if it runs here. */
  public synchronized void stop(Job job) {
    if (job.getExecutionId() != null && runner.equals(job.getRunner()) && isActive(job)) {
      launcher.stop(job.getExecutionId());
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  synchronized void supervise() {
    try {
      endOrphanImports();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot check imports (will retry): " + rootMessage(e));
    }
    List<Job> open;
    try {
      open = jobs.open(JobKind.SUMMARIZE);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot check jobs (will retry): " + rootMessage(e));
      return;
    }
    for (Job job : open) {
      if (job.getStatus() == JobStatus.RUNNING && isRunningHere(job)) {
        continue;
      }
      try {
        if (job.getStatus() == JobStatus.RUNNING
            && !jobs.requeueOrphan(job.getId(), job.getRunner(), job.getExecutionId())) {
          continue; // changed since we looked
        }
        if (job.getAttempts() >= MAX_ATTEMPTS) {
          jobs.apply(
              job.getId(),
              JobTransition.giveUp(
                  "Gave up after "
                      + job.getAttempts()
                      + " failed attempts in a row; restart it when"
                      + " the cause is fixed"));
          continue;
        }
        LOG.info(
            () ->
                "Resuming summarization job "
                    + job.getId()
                    + (job.getStatus() == JobStatus.RUNNING ? " (its execution ended)" : ""));
        launch(job.getId(), chunkSize(job));
      } catch (RuntimeException e) {
        LOG.warning(() -> "Cannot resume job " + job.getId() + " (will retry): " + rootMessage(e));
      }
    }
  }

  /** As an execution begins: the total is what is done plus pending. */
  @Override
  public void executionStarted(long jobId) {
    jobs.remaining(jobId, notes.countPending());
  }

  /** As an execution ends; ignored once the job has moved on (a later execution, a stop). */
  @Override
  public void executionEnded(long jobId, long executionId, Outcome outcome) {
    JobTransition end =
        switch (outcome) {
          case STOPPED -> JobTransition.finish(JobStatus.STOPPED, null);
          case FAILED ->
              JobTransition.requeue("Execution " + executionId + " failed; it will be resumed");
          case COMPLETED -> JobTransition.succeed();
        };
    jobs.apply(jobId, end.ofExecution(executionId));
  }

  private boolean isActive(Job job) {
    return job.getExecutionId() != null && launcher.isActive(job.getExecutionId());
  }

  static int chunkSize(Job job) {
    String params = job.getParameters();
    if (params != null && params.startsWith("chunkSize=")) {
      return Integer.parseInt(params.substring("chunkSize=".length()).trim());
    }
    return SummarizationServiceBean.DEFAULT_CHUNK;
  }

  /** The root cause's class (and SQL state): messages can quote data, so they stay out of logs. */
  private static String rootMessage(Throwable e) {
    Throwable t = Failures.rootCause(e);
    return t.getClass().getSimpleName()
        + (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
            ? " (SQL state " + sql.getSQLState() + ")"
            : "");
  }
}
