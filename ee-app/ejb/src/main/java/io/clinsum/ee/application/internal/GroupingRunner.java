package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.port.EmbedderSource;
import io.clinsum.ee.application.port.GroupingStore;
import io.clinsum.ee.application.port.GroupingStore.PatientSummaries;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.domain.model.job.Job;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.grouping.Grouping;
import io.clinsum.grouping.GroupingOptions;
import io.clinsum.grouping.PatientGrouper;
import io.clinsum.grouping.PatientTexts;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * Runs grouping jobs on the managed executor: reads every patient's summaries, embeds and groups
 * them with the SDK, and stores the result as a new version in the same transaction that marks the
 * job SUCCEEDED, so a version exists exactly when its job succeeded. A version is computed from
 * scratch, so a job interrupted by a crash is simply run again: a timer re-queues jobs whose runner
 * is gone (an earlier life of this server) and gives up after {@value #MAX_ATTEMPTS} attempts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupingRunner {
  static final int MAX_ATTEMPTS = 3;
  private static final long PROGRESS_EVERY_MS = 1000;
  private static final Logger LOG = Logger.getLogger(GroupingRunner.class.getName());

  private final String runner = UUID.randomUUID().toString();
  private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

  @Inject JobStore tracker;
  @Inject GroupingStore store;
  @Inject EmbedderSource embedder;

  /** The server's default managed executor: background work with the application's context. */
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ExecutorService executor;

  /** Claims QUEUED job {@code jobId} and runs it in the background. */
  public synchronized void launch(long jobId, String parameters, String createdBy) {
    runningHere.add(jobId);
    if (!tracker.claim(jobId, runner)) {
      runningHere.remove(jobId);
      return;
    }
    executor.submit(
        () -> {
          try {
            run(jobId, parameters, createdBy);
          } finally {
            runningHere.remove(jobId);
          }
        });
  }

  private void run(long jobId, String parameters, String createdBy) {
    try {
      List<PatientSummaries> input = store.patientSummaries();
      long allPatients = store.patients();
      if (input.isEmpty()) {
        tracker.apply(
            jobId,
            JobTransition.fail(
                "No patient has a summary to group by yet: summarize notes first (rejected summaries"
                    + " are left out)"));
        return;
      }
      List<PatientTexts> patients = new ArrayList<>(input.size());
      long[] numbers = new long[input.size()];
      for (int i = 0; i < input.size(); i++) {
        patients.add(new PatientTexts(input.get(i).patientId(), input.get(i).texts()));
        numbers[i] = input.get(i).patientNumber();
      }
      Progress progress = new Progress(jobId);
      Grouping grouping =
          new PatientGrouper(embedder.get(), options(parameters)).group(patients, progress);
      progress.flush();
      if (allPatients > input.size()) {
        List<String> notes = new ArrayList<>(grouping.notes());
        notes.add(
            (allPatients - input.size())
                + " of "
                + allPatients
                + " patients have no summary to group by yet and were left out");
        grouping =
            new Grouping(
                grouping.embedder(),
                grouping.algorithm(),
                grouping.parameters(),
                grouping.groups(),
                grouping.members(),
                grouping.silhouette(),
                notes,
                grouping.embedTime(),
                grouping.groupTime());
      }
      long version = store.save(jobId, createdBy, grouping, numbers);
      LOG.info(
          () ->
              "Grouping job "
                  + jobId
                  + " stored version "
                  + version
                  + " ("
                  + numbers.length
                  + " patients)");
    } catch (RuntimeException e) {
      // Messages from the SDK and the database describe the failure, never a summary's text.
      LOG.warning(
          () ->
              "Grouping job "
                  + jobId
                  + " failed: "
                  + Failures.rootCause(e).getClass().getSimpleName());
      try {
        tracker.apply(
            jobId, JobTransition.fail("Grouping failed: " + Failures.rootCause(e).getMessage()));
      } catch (RuntimeException alsoFailed) {
        LOG.warning(() -> "Cannot mark grouping job " + jobId + " failed; it will be retried");
      }
    }
  }

  /** Resumes grouping jobs an earlier life of this server left queued or running. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  synchronized void supervise() {
    List<Job> jobs;
    try {
      jobs = tracker.open(JobKind.GROUP);
    } catch (RuntimeException e) {
      return; // the database is away; the next tick retries
    }
    for (Job job : jobs) {
      if (runningHere.contains(job.getId())) {
        continue;
      }
      try {
        if (job.getStatus() == JobStatus.RUNNING
            && !tracker.requeueOrphan(job.getId(), job.getRunner(), job.getExecutionId())) {
          continue;
        }
        if (job.getAttempts() >= MAX_ATTEMPTS) {
          tracker.apply(
              job.getId(),
              JobTransition.giveUp("Gave up after " + job.getAttempts() + " interrupted attempts"));
          continue;
        }
        LOG.info(() -> "Resuming grouping job " + job.getId());
        launch(job.getId(), job.getParameters(), job.getCreatedBy());
      } catch (RuntimeException e) {
        LOG.warning(() -> "Cannot resume grouping job " + job.getId() + " (will retry)");
      }
    }
  }

  /** {@code algorithm=kmeans;k=12} (k optional) as options. */
  static GroupingOptions options(String parameters) {
    GroupingOptions.Builder b = GroupingOptions.builder();
    for (String part : (parameters == null ? "" : parameters).split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      switch (key) {
        case "algorithm" ->
            b.algorithm(
                value.equals("hdbscan")
                    ? GroupingOptions.Algorithm.HDBSCAN
                    : GroupingOptions.Algorithm.KMEANS);
        case "k" -> b.k(Integer.parseInt(value));
        default -> {
          // parameters of later versions are ignored by this one
        }
      }
    }
    return b.build();
  }

  /** Moves the job's counters as texts are embedded, at most once a second. */
  private final class Progress implements io.clinsum.core.ProgressListener {
    private final long jobId;
    private long reported;
    private long done;
    private long lastWrite;
    private boolean totalSet;

    Progress(long jobId) {
      this.jobId = jobId;
    }

    @Override
    public void onProgress(long done, long total) {
      if (!totalSet) {
        tracker.remaining(jobId, total);
        totalSet = true;
      }
      this.done = done;
      long now = System.currentTimeMillis();
      if (now - lastWrite >= PROGRESS_EVERY_MS || done == total) {
        flush();
        lastWrite = now;
      }
    }

    void flush() {
      if (done > reported) {
        tracker.progress(jobId, done - reported, done - reported, 0);
        reported = done;
      }
    }
  }
}
