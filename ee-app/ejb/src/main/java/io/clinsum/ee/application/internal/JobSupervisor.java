package io.clinsum.ee.application.internal;

import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.infrastructure.batch.SummarizeJobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps summarization jobs running to the end. Every few seconds it starts queued jobs and
 * relaunches jobs whose execution died: after a server crash (the row says RUNNING but this server
 * never ran it) or a database outage (the execution failed). A relaunch resumes with the notes
 * still pending, so no note is lost or summarized twice. A job is given up after {@value
 * #MAX_ATTEMPTS} failed attempts in a row.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobSupervisor {
  static final String JOB_XML = "summarize-notes";
  static final int MAX_ATTEMPTS = 5;
  private static final Logger LOG = Logger.getLogger(JobSupervisor.class.getName());

  /** Tells this server's executions from those of an earlier life of the server. */
  private final String runner = UUID.randomUUID().toString();

  /** Imports running in this server now (an import runs in its request's thread). */
  private final java.util.Set<Long> importsHere =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @PersistenceContext private EntityManager em;
  @EJB private JobTracker tracker;
  @EJB private PendingNotes pending;

  /**
   * Starts an execution of job {@code jobId} now, if it is QUEUED. The claim (QUEUED → RUNNING for
   * this runner) comes first and is conditional, so the timer and a user can never start the same
   * job twice.
   */
  public synchronized void launch(long jobId, int chunkSize) {
    if (!tracker.claim(jobId, runner)) {
      return; // stopped, finished or already running
    }
    Properties p = new Properties();
    p.setProperty(SummarizeJobListener.JOB_ID, Long.toString(jobId));
    p.setProperty("chunkSize", Integer.toString(chunkSize));
    long execution;
    try {
      execution = operator().start(JOB_XML, p);
    } catch (RuntimeException e) {
      tracker.transition(
          jobId,
          List.of(JobStatus.RUNNING),
          JobStatus.QUEUED,
          "Could not start: " + e.getClass().getSimpleName());
      throw e;
    }
    try {
      tracker.launched(jobId, execution, runner);
    } catch (RuntimeException e) {
      // Unrecorded, it would run beside the next attempt: stop it, the job stays resumable.
      try {
        operator().stop(execution);
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

  /** Most notes summarized on demand at once in the background; more are refused (503). */
  static final int ON_DEMAND_CAPACITY = 256;

  private final java.util.Set<Long> onDemand = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Reserves a background on-demand summary for {@code noteId}.
   *
   * @return false when one is already being made for it
   * @throws io.clinsum.ee.application.UnavailableException when {@value #ON_DEMAND_CAPACITY} are
   *     already waiting: the work queue stays bounded under any load
   */
  public boolean queueOnDemand(long noteId) {
    if (onDemand.contains(noteId)) {
      return false;
    }
    if (onDemand.size() >= ON_DEMAND_CAPACITY) {
      throw new io.clinsum.ee.application.UnavailableException(
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
  private void endOrphanImports() {
    for (Job job : OpenJobs.of(em, JobKind.IMPORT)) {
      boolean earlierLife = !runner.equals(job.getRunner());
      boolean stale =
          !importsHere.contains(job.getId())
              && job.getStartedAt() != null
              && job.getStartedAt().isBefore(java.time.Instant.now().minusSeconds(60));
      if (job.getStatus() != JobStatus.RUNNING || (!earlierLife && !stale)) {
        continue; // running here (or registering itself this very moment)
      }
      boolean committed =
          !em.createQuery(
                  "select a.id from AuditEvent a where a.action = :action"
                      + " and a.entityType = 'job' and a.entityId = :job",
                  Long.class)
              .setParameter("action", AuditTrail.NOTES_IMPORTED)
              .setParameter("job", job.getId())
              .setMaxResults(1)
              .getResultList()
              .isEmpty();
      tracker.transition(
          job.getId(),
          List.of(JobStatus.RUNNING),
          committed ? JobStatus.SUCCEEDED : JobStatus.FAILED,
          committed
              ? "The import was stored, but the server stopped before it recorded its counts"
              : "Interrupted: the server stopped during this import, so nothing from it was"
                  + " stored (an import is one transaction). Send the file again; notes stored"
                  + " by other imports are skipped as duplicates");
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

  /** Asks job {@code jobId}'s execution to stop, if it runs here. */
  public synchronized void stop(Job job) {
    if (job.getExecutionId() != null && runner.equals(job.getRunner()) && isActive(job)) {
      operator().stop(job.getExecutionId());
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  synchronized void supervise() {
    try {
      endOrphanImports();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot check imports (will retry): " + rootMessage(e));
    }
    List<Job> jobs;
    try {
      jobs = OpenJobs.of(em, JobKind.SUMMARIZE);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot check jobs (will retry): " + rootMessage(e));
      return;
    }
    for (Job job : jobs) {
      if (job.getStatus() == JobStatus.RUNNING && isRunningHere(job)) {
        continue;
      }
      try {
        if (job.getStatus() == JobStatus.RUNNING
            && !tracker.requeueOrphan(job.getId(), job.getRunner(), job.getExecutionId())) {
          continue; // changed since we looked
        }
        if (job.getAttempts() >= MAX_ATTEMPTS) {
          tracker.transition(
              job.getId(),
              List.of(JobStatus.QUEUED),
              JobStatus.FAILED,
              "Gave up after "
                  + job.getAttempts()
                  + " failed attempts in a row; restart it when"
                  + " the cause is fixed");
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

  /** Called by the job listener as an execution begins: the total is what is done plus pending. */
  public void executionStarted(long jobId) {
    tracker.remaining(jobId, pending.count());
  }

  /** Called by the job listener as an execution ends; ignored once the job has moved on. */
  public void executionEnded(long jobId, long executionId, BatchStatus status) {
    List<JobStatus> running = List.of(JobStatus.RUNNING);
    switch (status) {
      case STOPPING, STOPPED ->
          tracker.transition(jobId, executionId, running, JobStatus.STOPPED, null);
      case FAILED, ABANDONED ->
          tracker.transition(
              jobId,
              executionId,
              running,
              JobStatus.QUEUED,
              "Execution " + executionId + " failed; it will be resumed");
      default -> tracker.transition(jobId, executionId, running, JobStatus.SUCCEEDED, null);
    }
  }

  private boolean isActive(Job job) {
    if (job.getExecutionId() == null) {
      return false;
    }
    try {
      BatchStatus s = operator().getJobExecution(job.getExecutionId()).getBatchStatus();
      return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    } catch (NoSuchJobExecutionException e) {
      return false;
    }
  }

  static int chunkSize(Job job) {
    String params = job.getParameters();
    if (params != null && params.startsWith("chunkSize=")) {
      return Integer.parseInt(params.substring("chunkSize=".length()).trim());
    }
    return SummarizationServiceBean.DEFAULT_CHUNK;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
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
