package io.clinsum.ee.testing;

import io.clinsum.ee.application.port.JobLauncher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A {@link JobLauncher} that records starts and stops; executions stay active until ended. */
public final class FakeJobLauncher implements JobLauncher {
  /** One start: the job, its chunk size and the execution it got. */
  public record Start(long jobId, int chunkSize, long executionId) {}

  private final List<Start> starts = new ArrayList<>();
  private final List<Long> stops = new ArrayList<>();
  private final Set<Long> active = new HashSet<>();
  private long nextExecution = 100;
  private RuntimeException startFailure;
  private RuntimeException stopFailure;

  @Override
  public long start(long jobId, int chunkSize) {
    if (startFailure != null) {
      throw startFailure;
    }
    long execution = nextExecution++;
    starts.add(new Start(jobId, chunkSize, execution));
    active.add(execution);
    return execution;
  }

  @Override
  public void stop(long executionId) {
    if (stopFailure != null) {
      throw stopFailure;
    }
    stops.add(executionId);
  }

  @Override
  public boolean isActive(long executionId) {
    return active.contains(executionId);
  }

  /** Execution {@code executionId} ended (crashed, finished, stopped). */
  public void end(long executionId) {
    active.remove(executionId);
  }

  /** Marks {@code executionId} active, as an execution of an earlier server life never is. */
  public void activate(long executionId) {
    active.add(executionId);
  }

  public void failStarts(RuntimeException e) {
    startFailure = e;
  }

  public void failStops(RuntimeException e) {
    stopFailure = e;
  }

  public List<Start> starts() {
    return List.copyOf(starts);
  }

  public List<Long> stops() {
    return List.copyOf(stops);
  }
}
